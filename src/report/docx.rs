//! The report as a Word document (`.docx`), because boards assemble their annual reports in
//! Word. Written directly as the few parts of Office Open XML a document needs (the main
//! document, styles with real Heading 1–6 so Word's navigation pane and table of contents
//! work, list numbering, hyperlinks, document properties), zipped with the `zip` crate.
//! A4 portrait, 2 cm margins; tables repeat their header row on each page and carry their
//! caption as alt text.

use super::blocks::{Block, Line, Span, Table};
use crate::escape::xml;
use std::io::Write;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// The text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 11906 - 2 * 1134;

/// What the document is about, for its properties.
pub(crate) struct Properties<'a> {
    pub(crate) title: &'a str,
    pub(crate) author: &'a str,
    /// `en-GB`.
    pub(crate) language: &'a str,
    pub(crate) date: chrono::NaiveDate,
}

/// The main document's XML and what it refers to: hyperlinks and the numbered lists.
#[derive(Default)]
struct Body {
    xml: String,
    links: Vec<String>,
    /// How many numbered lists (each restarts at 1).
    ordered_lists: u32,
}

impl Body {
    fn link_id(&mut self, url: &str) -> String {
        let i = match self.links.iter().position(|l| l == url) {
            Some(i) => i,
            None => {
                self.links.push(url.to_string());
                self.links.len() - 1
            }
        };
        format!("rIdLink{}", i + 1)
    }

    fn runs(&mut self, line: &[Span], all_bold: bool) {
        for s in line {
            let mut props = String::new();
            if s.link.is_some() {
                props.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
            }
            if s.bold || all_bold {
                props.push_str("<w:b/>");
            }
            if s.italic {
                props.push_str("<w:i/>");
            }
            let run = format!(
                "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                if props.is_empty() {
                    String::new()
                } else {
                    format!("<w:rPr>{props}</w:rPr>")
                },
                xml(&s.text)
            );
            match &s.link {
                Some(url) => {
                    let id = self.link_id(url);
                    self.xml
                        .push_str(&format!("<w:hyperlink r:id=\"{id}\">{run}</w:hyperlink>"));
                }
                None => self.xml.push_str(&run),
            }
        }
    }

    fn para(&mut self, style: Option<&str>, numbering: Option<(u8, u32)>, line: &[Span]) {
        self.xml.push_str("<w:p>");
        if style.is_some() || numbering.is_some() {
            self.xml.push_str("<w:pPr>");
            if let Some(s) = style {
                self.xml.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
            }
            if let Some((level, num)) = numbering {
                self.xml.push_str(&format!(
                    "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
                ));
            }
            self.xml.push_str("</w:pPr>");
        }
        self.runs(line, false);
        self.xml.push_str("</w:p>");
    }

    fn table(&mut self, t: &Table) {
        if !t.caption.is_empty() {
            self.para(Some("Caption"), None, &[super::blocks::plain(&t.caption)]);
        }
        let total: u32 = t.widths.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
        let widths: Vec<u32> = t
            .widths
            .iter()
            .map(|w| TEXT_WIDTH * u32::from(*w) / total)
            .collect();
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/><w:tblCaption w:val=\"{}\"/></w:tblPr><w:tblGrid>",
            xml(&t.caption)
        ));
        for w in &widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>");
        let cell = |b: &mut Body, w: u32, lines: &[Line], header: bool| {
            b.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            if lines.is_empty() {
                b.xml.push_str("<w:p/>");
            }
            for l in lines {
                b.xml
                    .push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
                b.runs(l, header);
                b.xml.push_str("</w:p>");
            }
            b.xml.push_str("</w:tc>");
        };
        self.xml
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (h, w) in t.head.iter().zip(&widths) {
            cell(self, *w, &[vec![super::blocks::plain(h)]], true);
        }
        self.xml.push_str("</w:tr>");
        for r in &t.rows {
            self.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (c, w) in r.iter().zip(widths.iter().chain(std::iter::repeat(&0))) {
                cell(self, *w, c, false);
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
    }
}

fn body(blocks: &[Block]) -> Body {
    let mut b = Body::default();
    let mut after_table = false;
    for block in blocks {
        if after_table && matches!(block, Block::Table(_)) {
            // Two tables in a row would merge into one.
            b.xml.push_str("<w:p/>");
        }
        after_table = false;
        match block {
            Block::Heading(level, l) => {
                let style = if *level == 1 {
                    "Title".to_string()
                } else {
                    format!("Heading{}", level - 1)
                };
                b.para(Some(&style), None, l);
            }
            Block::Para(l) => b.para(None, None, l),
            Block::List { ordered, items } => {
                let num = if *ordered {
                    b.ordered_lists += 1;
                    // 1 is the bullets; numbered lists follow.
                    1 + b.ordered_lists
                } else {
                    1
                };
                for (depth, l) in items {
                    b.para(Some("ListParagraph"), Some(((*depth).min(2), num)), l);
                }
            }
            Block::Table(t) => {
                b.table(t);
                after_table = true;
            }
        }
    }
    b
}

fn document_xml(b: &Body) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{}<w:p/><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        b.xml
    )
}

fn document_rels(b: &Body) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{PKG_RELS}\"><Relationship Id=\"rIdStyles\" Type=\"{R}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdNumbering\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/>"
    );
    for (i, l) in b.links.iter().enumerate() {
        s.push_str(&format!(
            "<Relationship Id=\"rIdLink{}\" Type=\"{R}/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            xml(l)
        ));
    }
    s.push_str("</Relationships>");
    s
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

fn package_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{PKG_RELS}\"><Relationship Id=\"rId1\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"{PKG_RELS}/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{R}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

fn core_xml(p: &Properties) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created></cp:coreProperties>",
        xml(p.title),
        xml(p.author),
        xml(p.language),
        p.date.format("%Y-%m-%d")
    )
}

const APP_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>learnsite</Application></Properties>";

fn styles_xml(language: &str) -> String {
    let heading = |n: u8, size: u8, before: u16| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            n - 1
        )
    };
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        xml(language)
    );
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>");
    for (n, size, before) in [
        (1, 32, 360),
        (2, 28, 300),
        (3, 24, 240),
        (4, 22, 200),
        (5, 22, 160),
    ] {
        s.push_str(&heading(n, size, before));
    }
    s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>");
    s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:i/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>");
    s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>");
    s.push_str("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"1D70B8\"/><w:u w:val=\"single\"/></w:rPr></w:style>");
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    s.push_str("<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/></w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F2F1\"/></w:tcPr></w:tblStylePr></w:style>");
    s.push_str("</w:styles>");
    s
}

fn numbering_xml(ordered_lists: u32) -> String {
    let level = |i: u8, fmt: &str, text: &str| {
        format!(
            "<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{}\" w:hanging=\"360\"/></w:pPr></w:lvl>",
            720 + 360 * u32::from(i)
        )
    };
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W}\">"
    );
    s.push_str(
        "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>",
    );
    for (i, bullet) in ["•", "◦", "▪"].iter().enumerate() {
        s.push_str(&level(i as u8, "bullet", bullet));
    }
    s.push_str("</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
    for (i, (fmt, text)) in [
        ("decimal", "%1."),
        ("lowerLetter", "%2."),
        ("lowerRoman", "%3."),
    ]
    .iter()
    .enumerate()
    {
        s.push_str(&level(i as u8, fmt, text));
    }
    s.push_str("</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
    for k in 0..ordered_lists {
        s.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            k + 2
        ));
    }
    s.push_str("</w:numbering>");
    s
}

/// The `.docx` file of `blocks`.
pub(crate) fn docx(blocks: &[Block], p: &Properties) -> Result<Vec<u8>, zip::result::ZipError> {
    use chrono::Datelike;
    let b = body(blocks);
    let when = zip::DateTime::from_date_and_time(
        p.date.year().clamp(1980, 2107) as u16,
        p.date.month() as u8,
        p.date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml(p)),
        ("docProps/app.xml", APP_XML.to_string()),
        ("word/document.xml", document_xml(&b)),
        ("word/_rels/document.xml.rels", document_rels(&b)),
        ("word/styles.xml", styles_xml(p.language)),
        ("word/numbering.xml", numbering_xml(b.ordered_lists)),
    ];
    for (name, text) in parts {
        z.start_file(name, options)?;
        z.write_all(text.as_bytes())?;
    }
    Ok(z.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::super::blocks::{link, plain};
    use super::*;
    use std::io::Read;

    fn part(docx: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn a_document_with_headings_lists_links_and_tables() {
        let blocks = vec![
            Block::heading(1, "Annual report"),
            Block::heading(2, "Reviews & <findings>"),
            Block::List {
                ordered: true,
                items: vec![(0, vec![plain("one")]), (1, vec![plain("two")])],
            },
            Block::Para(vec![link("Adult D", "https://x.example/?a=1&b=2")]),
            Block::Table(Table {
                caption: "Cap".into(),
                head: vec!["A".into(), "B".into()],
                rows: vec![vec![vec![vec![plain("x")]], vec![]]],
                widths: vec![1, 3],
            }),
            Block::Table(Table {
                caption: String::new(),
                head: vec!["C".into()],
                rows: vec![],
                widths: vec![1],
            }),
        ];
        let p = Properties {
            title: "Annual report",
            author: "Board",
            language: "en-GB",
            date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        };
        let d = docx(&blocks, &p).unwrap();
        let doc = part(&d, "word/document.xml");
        assert!(doc.contains("<w:pStyle w:val=\"Title\"/>"));
        assert!(doc.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Reviews &amp; &lt;findings&gt;</w:t>"));
        assert!(
            doc.contains("<w:numId w:val=\"2\"/>"),
            "the numbered list restarts: {doc}"
        );
        assert!(doc.contains("<w:hyperlink r:id=\"rIdLink1\">"));
        assert!(doc.contains("<w:tblCaption w:val=\"Cap\"/>"));
        assert!(
            doc.contains("<w:gridCol w:w=\"2409\"/><w:gridCol w:w=\"7228\"/>"),
            "{doc}"
        );
        assert!(
            doc.contains("</w:tbl><w:p/><w:tbl>"),
            "two tables stay apart"
        );
        assert!(
            doc.contains(
                "<w:tc><w:tcPr><w:tcW w:w=\"7228\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"
            ),
            "an empty cell has its paragraph"
        );
        let rels = part(&d, "word/_rels/document.xml.rels");
        assert!(rels.contains("Target=\"https://x.example/?a=1&amp;b=2\" TargetMode=\"External\""));
        assert!(part(&d, "word/numbering.xml").contains("<w:num w:numId=\"2\">"));
        assert!(part(&d, "docProps/core.xml").contains("<dc:title>Annual report</dc:title>"));
        assert!(part(&d, "[Content_Types].xml").contains("/word/document.xml"));
        // The same input makes the same bytes (no clock in the file).
        assert_eq!(d, docx(&blocks, &p).unwrap());
    }
}

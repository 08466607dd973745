//! The name gazetteer, the built-in lists of words that are never a person's name, and
//! the author's private list of real names.
//!
//! The gazetteer (first names, surnames, common English words) is compiled into the
//! binary from `src/lint/data/` (see `SOURCE.md` there for where each list comes from
//! and its licence) and parsed once per process.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the "Fx" hash of rustc) for the word tables:
/// the keys are our own word lists and the document's words, so flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(a));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash map and set with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
use std::sync::LazyLock;

static FIRST: &str = include_str!("data/first_names.txt");
static FIRST_UK: &str = include_str!("data/first_names_uk.txt");
static SUR: &str = include_str!("data/surnames.txt");
static SUR_UK: &str = include_str!("data/surnames_uk.txt");
static COMMON: &str = include_str!("data/common_words.txt");
static PLACES: &str = include_str!("data/places.txt");
static PLACES_MAJOR: &str = include_str!("data/places_major.txt");
static PLACES_AREAS: &str = include_str!("data/places_areas.txt");
static PLACES_HAND: &str = include_str!("data/places_uk_hand.txt");
static HOSPITALS: &str = include_str!("data/hospitals_uk.txt");

/// Lines of a data file that are entries (not blank, not `#` comments).
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words that, before a place, make a longer place name.
#[rustfmt::skip]
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "mid", "central", "greater", "upper", "lower", "inner", "outer", "great",
    "little", "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western",
];

/// Word-class bits of a lower-case word (see [`Gazetteer::class`]).
pub(crate) type Class = u16;
pub(crate) const FIRST_NAME: Class = 1;
pub(crate) const SURNAME: Class = 2;
/// A common English word (SCOWL size 35 or smaller).
pub(crate) const WORD: Class = 4;
/// A nationality, religion, language, month, day or other proper noun that is never a person.
pub(crate) const NOT_NAME: Class = 8;
/// A title that comes before a name: Mr, Dr, PC.
pub(crate) const TITLE: Class = 16;
/// A relationship or role word that often comes before a name: sister, son, neighbour.
pub(crate) const RELATION: Class = 32;
/// A verb of reported speech: said, told.
pub(crate) const SPEECH: Class = 64;
/// A first name that is also an everyday word in this register (Will, Hope, Grace).
pub(crate) const AMBIGUOUS: Class = 128;
/// A UK place of one word (a town, village, county, district, area or river): never a person on
/// its own, and a person only with a person's context when it is also a name ("Mr Preston").
pub(crate) const PLACE: Class = 256;
/// A place that everybody in the region knows: a county, an authority, a town of 20,000 people
/// or more. A given name that is such a place ("Beverley", "Chelsea") needs context too.
pub(crate) const MAJOR_PLACE: Class = 512;
/// Compass and size words that make a place's name with the place after them ("North Tyneside",
/// "Greater Manchester", "Mid Ulster").
pub(crate) const COMPASS: Class = 1024;
/// A nation, region or county rather than a town ("Cornwall", "Kent", "Rutland"): an age beside
/// it does not locate a person the way a town does.
pub(crate) const AREA: Class = 2048;

/// Titles and ranks that come before a surname or a full name.
#[rustfmt::skip]
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pc", "dc", "ds", "di", "dci", "dsi", "sgt",
    "sergeant", "inspector", "constable", "nurse", "cllr", "councillor", "rev", "revd", "reverend", "sir", "dame",
    "lord", "lady", "judge", "hhj", "det", "detective", "sister", "matron", "midwife", "pcso", "insp", "supt",
    "superintendent",
];

/// Words after which a capitalised word is very likely a name ("her sister Karen").
#[rustfmt::skip]
pub(crate) const RELATIONS: &[&str] = &[
    "sister", "brother", "son", "daughter", "mother", "father", "mum", "mom", "dad", "partner", "husband", "wife",
    "boyfriend", "girlfriend", "friend", "neighbour", "neighbor", "aunt", "auntie", "uncle", "cousin", "niece",
    "nephew", "grandmother", "grandfather", "grandma", "grandad", "granddad", "nan", "nana", "grandson",
    "granddaughter", "stepfather", "stepmother", "stepson", "stepdaughter", "ex-partner", "ex-husband", "ex-wife",
    "fiancé", "fiance", "fiancée", "carer", "lodger", "named", "called", "sibling", "half-brother", "half-sister",
    "baby", "twin", "flatmate", "colleague", "worker", "officer", "manager", "teacher", "coordinator", "visitor",
    "reviewer", "keyworker", "advocate", "therapist", "consultant", "paediatrician", "psychiatrist", "caseworker",
    "practitioner", "landlord", "employer", "tenant", "director", "supervisor", "head", "headteacher", "chair",
    "paramedic", "surgeon", "pharmacist", "psychologist", "counsellor", "mentor", "volunteer", "befriender",
];

/// Verbs of reported speech.
#[rustfmt::skip]
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "explained", "reported", "asked", "recalled", "stated", "described", "wrote",
    "added", "remembered", "disclosed", "replied", "commented", "felt", "thought", "believed",
];

/// First names that are everyday words: capitalised, they need more context to count as a name.
#[rustfmt::skip]
const AMBIGUOUS_NAMES: &[&str] = &[
    "will", "may", "june", "april", "august", "hope", "grace", "faith", "joy", "mark", "bill", "rose", "summer",
    "autumn", "dawn", "amber", "ruby", "pearl", "holly", "ivy", "iris", "lily", "daisy", "heather", "violet",
    "jade", "sky", "robin", "frank", "pat", "sue", "guy", "dean", "rich", "chance", "sterling", "page", "major",
    "king", "young", "christian", "patience", "honour", "honor", "justice", "liberty", "charity", "precious",
    "unique", "royal", "general", "early", "else", "many", "any", "even", "far", "glad", "happy", "lucky", "merry",
    "noble", "free", "fair", "long", "north", "red", "art", "job", "law", "man", "lady", "miss", "in", "my", "an",
    "ha", "hi", "ma", "pa", "had", "read", "carry", "care", "court", "case", "land", "lane", "park", "bank", "hall",
    "hill", "field", "fields", "ford", "grove", "haven", "brook", "brooks", "marsh", "mill", "port", "row", "cross",
    "price", "link", "ring", "rock", "star", "moon", "queen", "prince", "princess", "duke", "earl", "baron",
    "mayor", "marshal", "nurse", "numbers", "marine", "manual", "minor", "junior", "love", "desire", "destiny",
    "harmony", "melody", "mercy", "glory", "genesis", "delta", "alpha", "omega", "echo", "nova", "era", "drew",
    "penny", "bob", "kit", "nick", "ray", "rob", "lance", "grant", "chase", "hunter", "mason", "porter", "cooper",
    "miller", "gardener", "foster", "carol", "harry", "jack", "matt", "mike", "peter", "ken", "don", "sonny",
    "angel", "crystal", "ebony", "ivory", "olive", "hazel", "ginger", "candy", "brandy", "cherry", "honey", "poppy",
    "willow", "forest", "storm", "river", "rain", "winter", "spring", "misty", "dusty", "rusty", "sandy", "lee",
    "ash", "bay", "clay", "cliff", "glen", "heath", "reed", "wood", "green", "brown", "white", "black", "gray",
    "grey", "rice", "lamb", "fox",
];

/// Proper nouns that are never a person in this register: places, nations, faiths,
/// languages, months, days, festivals, platforms, benefits.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    // months and days
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // pronouns and function words (some are in the given-name lists)
    "he", "she", "they", "we", "you", "it", "him", "her", "his", "hers", "them", "their", "our", "us", "me", "my",
    "who", "what", "when", "where", "which", "why", "how", "there", "here", "this", "that", "then", "and", "but",
    "or", "nor", "so", "yet", "if", "in", "on", "at", "by", "for", "with", "to", "of", "as", "an", "a", "the", "is",
    "was", "be", "are", "were", "had", "has", "have", "do", "did", "not", "no", "yes", "all", "some", "one",
    "after", "before", "during", "while", "although", "though", "because", "since", "until", "also", "both", "each",
    "every", "many", "most", "much", "such", "these", "those", "its", "can", "could", "would", "should", "will",
    "may", "might", "must", "shall", "did",
    // nations, regions, nationalities, faiths, languages
    "england", "english", "britain", "british", "scotland", "scottish", "wales", "welsh", "ireland", "irish",
    "northern", "uk", "europe", "european", "african", "africa", "asian", "asia", "caribbean", "american",
    "america", "polish", "poland", "romanian", "romania", "lithuanian", "latvian", "bulgarian", "portuguese",
    "spanish", "italian", "french", "german", "pakistani", "pakistan", "indian", "india", "bangladeshi",
    "bangladesh", "chinese", "somali", "somalia", "nigerian", "nigeria", "ghanaian", "ghana", "eritrean", "eritrea",
    "sudanese", "syrian", "syria", "afghan", "afghanistan", "iranian", "iraqi", "kurdish", "turkish", "arabic",
    "urdu", "punjabi", "bengali", "gujarati", "tamil", "hindi", "cantonese", "mandarin", "ukrainian", "ukraine",
    "russian", "albanian", "vietnamese", "filipino", "jamaican", "gypsy", "roma", "traveller", "travellers",
    "christian", "christianity", "muslim", "islam", "islamic", "jewish", "judaism", "sikh", "hindu", "buddhist",
    "catholic", "anglican", "methodist", "baptist", "christians", "muslims", "sikhs", "hindus", "jews", "catholics",
    "pentecostal", "orthodox", "quaker", "jehovah", "jehovah's", "rastafarian", "bsl",
    // festivals, services, platforms, benefits, pandemic
    "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "covid", "covid-19", "coronavirus", "brexit",
    "zoom", "teams", "facebook", "instagram", "snapchat", "tiktok", "whatsapp", "twitter", "youtube", "google",
    "amazon", "ebay", "universal", "credit", "pip", "esa", "dla", "jobcentre", "samaritans", "childline", "mind",
    "refuge", "shelter", "barnardo's", "barnardos", "nspcc", "mencap", "rethink", "turning", "aid", "leder", "ofsted", "scie", "healthwatch",
    // eponymous conditions used on their own ("her Alzheimer's", "early Parkinson's")
    "alzheimer", "alzheimers", "parkinson", "parkinsons", "huntington", "huntingtons", "korsakoff", "wernicke",
    "asperger", "aspergers", "crohn", "crohns", "hodgkin", "tourette", "tourettes", "munchausen", "raynaud",
    "guillain", "barre", "cushing", "addison", "gillick",
    // faith, shops, games and services that are proper nouns but never a person here
    "god", "jesus", "christ", "allah", "tesco", "asda", "aldi", "lidl", "morrisons", "sainsbury", "sainsburys",
    "greggs", "primark", "argos", "wilko", "poundland", "deliveroo", "uber", "netflix", "xbox", "playstation",
    "fortnite", "roblox", "minecraft", "spotify", "paypal", "arsenal", "everton", "tottenham",
    // compass words ("North" is an everyday word too); UK places are in data/places*.txt
    "east", "west", "south", "north-east", "north-west", "south-east", "south-west", "midlands",
];

/// Surnames that in this register name a model, tool or scale, not a person ("Maslow's
/// hierarchy", "Kolb's learning cycle", "the Waterlow score").
#[rustfmt::skip]
const EPONYMS: &[&str] = &[
    "maslow", "kolb", "bronfenbrenner", "johari", "duluth", "caldicott", "waterlow", "barthel", "karpman",
    "winnicott", "vygotsky", "piaget", "bowlby", "kubler-ross", "kübler-ross", "prochaska", "diclemente",
    "glasgow",
];

/// National bodies, regulators, methodologies and the like: words of these never name a person.
#[rustfmt::skip]
pub(crate) const NATIONAL_BODIES: &[&str] = &[
    "NHS England", "NHS Digital", "NHS", "Care Quality Commission", "CQC", "Ofsted", "Home Office",
    "Department of Health and Social Care", "Department for Education", "Department for Work and Pensions", "DWP",
    "Ministry of Justice", "Ministry of Housing", "SCIE", "Social Care Institute for Excellence",
    "Child Safeguarding Practice Review Panel", "National Panel", "Local Government Association", "LGA", "ADASS",
    "Association of Directors of Adult Social Services", "Research in Practice", "Crown Prosecution Service", "CPS",
    "Probation Service", "His Majesty's Prison and Probation Service", "HMPPS",
    "Independent Office for Police Conduct", "IOPC", "Health and Safety Executive", "Coroner",
    "Court of Protection", "High Court", "Family Court", "Crown Court", "Magistrates",
    "Office of the Public Guardian", "Public Guardian", "Healthwatch", "Skills for Care", "Social Work England",
    "Nursing and Midwifery Council", "General Medical Council", "Health and Care Professions Council",
    "College of Policing", "Royal College", "Women's Aid", "Victim Support", "Age UK", "Citizens Advice",
    "Change Grow Live", "Turning Point", "Rethink Mental Illness", "National Domestic Abuse Helpline", "SafeLives",
    "MARAC", "MAPPA", "MASH", "Multi-Agency Risk Assessment Conference", "Multi-Agency Safeguarding Hub",
    "Deprivation of Liberty Safeguards", "Liberty Protection Safeguards", "Making Safeguarding Personal",
    "Learning Together", "Appreciative Inquiry", "Root Cause Analysis", "Significant Incident Learning Process",
    "SAR in Rapid Time", "Signs of Safety", "Think Family", "Working Together", "Universal Credit",
    "Personal Independence Payment", "Employment and Support Allowance", "Integrated Care Board",
    "Integrated Care System", "Safeguarding Adults Board", "Safeguarding Children Partnership",
    "Community Safety Partnership", "Police", "Fire and Rescue Service", "Ambulance Service", "Quality Markers",
    "Good Practice",
    // charities and services whose names contain given names or surnames
    "St Mungo's", "St Mungos", "Marie Curie", "Macmillan", "Macmillan Cancer Support", "Sue Ryder",
    "Salvation Army", "Christians Against Poverty", "St John Ambulance", "Alzheimer's Society", "Barnardo's",
    "The Children's Society", "Action for Children", "Carers UK", "Karma Nirvana", "Galop", "Rape Crisis",
    "Humankind", "Forward Trust", "Scope", "Sense", "RNIB", "Independent Age", "Stonewall", "Tavistock", "Hestia",
    "Crisis", "Centrepoint", "Leonard Cheshire", "Mary Seacole", "Florence Nightingale", "King's Fund",
    "Nuffield Trust", "Joseph Rowntree Foundation", "Anna Freud", "Tommy's", "Lullaby Trust", "Operation Encompass",
    "Boxing Day", "New Year's Eve", "New Year's Day", "Google Maps", "Strictly Come Dancing", "Daily Mail",
    "Downing Street", "Harley Street", "Wall Street", "Sesame Street", "Baker Street", "Great Ormond Street",
    "Great Ormond Street Hospital", "Alder Hey", "Alder Hey Children's Hospital", "Broadmoor Hospital",
    "Rampton Hospital", "Ashworth Hospital", "Moorfields Eye Hospital", "Maudsley Hospital", "Tavistock Clinic",
];

/// Which words a word belongs to.
pub(crate) struct Gazetteer {
    classes: WordTable,
    /// UK places of more than one word ("Newcastle upon Tyne", "Tyne and Wear") and the
    /// hospitals a board names as public places.
    pub(crate) place_phrases: Phrases,
    /// The places of several words that are major (see [`MAJOR_PLACE`]), lower-case.
    major_phrases: FastSet<&'static str>,
    /// The places of several words that are areas (see [`AREA`]), lower-case.
    area_phrases: FastSet<&'static str>,
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut classes = WordTable::with_capacity(150_000);
        let mut add = |w: &str, bit: Class| {
            let w = w.trim();
            if !w.is_empty() {
                classes.add(w, bit);
            }
        };
        for w in FIRST.lines().chain(FIRST_UK.lines()) {
            add(w, FIRST_NAME);
        }
        for w in SUR.lines().chain(SUR_UK.lines()) {
            add(w, SURNAME);
        }
        for w in COMMON.lines() {
            add(w, WORD);
        }
        for w in NOT_NAMES {
            add(w, NOT_NAME);
        }
        for w in TITLES {
            add(w, TITLE);
        }
        for w in RELATIONS {
            add(w, RELATION);
        }
        for w in SPEECH_VERBS {
            add(w, SPEECH);
        }
        for w in AMBIGUOUS_NAMES {
            add(w, AMBIGUOUS);
        }
        for w in EPONYMS {
            add(w, NOT_NAME);
        }
        // Places: one word in the word table, longer names as phrases.
        let mut phrases: Vec<&str> = Vec::new();
        let major: FastSet<&'static str> =
            entries(PLACES_MAJOR).chain(entries(PLACES_HAND)).collect();
        let mut major_phrases = FastSet::default();
        // The hand list's first sections are nations, regions and counties.
        let hand_areas = PLACES_HAND.split("# London boroughs").next().unwrap_or("");
        let areas: FastSet<&'static str> =
            entries(PLACES_AREAS).chain(entries(hand_areas)).collect();
        let mut area_phrases = FastSet::default();
        for p in entries(PLACES).chain(entries(PLACES_HAND)) {
            if p.contains([' ', '-', '/']) || p.contains("'") {
                phrases.push(p);
                if major.contains(p) {
                    major_phrases.insert(p);
                }
                if areas.contains(p) || p.ends_with("shire") || p.starts_with("county ") {
                    area_phrases.insert(p);
                }
            } else {
                add(p, PLACE);
                if major.contains(p) {
                    add(p, MAJOR_PLACE);
                }
                if areas.contains(p) || p.ends_with("shire") {
                    add(p, AREA);
                }
            }
        }
        phrases.extend(entries(HOSPITALS));
        for w in COMPASS_WORDS {
            add(w, COMPASS);
        }
        Gazetteer {
            classes,
            place_phrases: Phrases::new(phrases),
            major_phrases,
            area_phrases,
        }
    }

    /// The class bits of a lower-case word (0 when unknown).
    #[inline]
    pub(crate) fn class(&self, lower: &str) -> Class {
        self.classes.get(lower)
    }

    /// Is this lower-case name of several words (single spaces) a major UK place?
    pub(crate) fn is_major_phrase(&self, lower: &str) -> bool {
        self.major_phrases.contains(lower)
    }

    /// Is this lower-case name of several words (single spaces) a nation, region or county?
    pub(crate) fn is_area_phrase(&self, lower: &str) -> bool {
        self.area_phrases.contains(lower)
    }
}

/// Word → class bits. Words of up to 16 bytes (nearly all) are keys stored in the table itself,
/// so a look-up reads one place in memory rather than following a pointer to the word: the
/// table holds ~150,000 words and the lint looks up every capitalised word and its neighbours.
struct WordTable {
    short: FastMap<[u8; 16], Class>,
    long: FastMap<Box<str>, Class>,
}

impl WordTable {
    fn with_capacity(n: usize) -> WordTable {
        WordTable {
            short: FastMap::with_capacity_and_hasher(n, Default::default()),
            long: FastMap::default(),
        }
    }

    /// The key of a short word: its bytes, then zeros (words hold no zero bytes).
    #[inline]
    fn key(w: &str) -> Option<[u8; 16]> {
        let b = w.as_bytes();
        (b.len() <= 16).then(|| {
            let mut k = [0u8; 16];
            k[..b.len()].copy_from_slice(b);
            k
        })
    }

    fn add(&mut self, w: &str, bit: Class) {
        match Self::key(w) {
            Some(k) => *self.short.entry(k).or_insert(0) |= bit,
            None => *self.long.entry(w.into()).or_insert(0) |= bit,
        }
    }

    #[inline]
    fn get(&self, w: &str) -> Class {
        match Self::key(w) {
            Some(k) => self.short.get(&k).copied().unwrap_or(0),
            None => self.long.get(w).copied().unwrap_or(0),
        }
    }
}

/// The gazetteer, parsed on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// Lower-case `word` into `buf` (reused), dropping a trailing possessive `'s`/`’s`/`s'`.
/// Returns whether a possessive was dropped.
pub(crate) fn lower_into(word: &str, buf: &mut String) -> bool {
    buf.clear();
    let (base, poss) = strip_possessive(word);
    if base.is_ascii() {
        buf.push_str(base);
        buf.make_ascii_lowercase();
    } else {
        for c in base.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    poss
}

/// A lower-case word without its accents ("wójcik" → "wojcik", "siân" → "sian", "łukasz" →
/// "lukasz"), for looking up names the lists spell without them.
pub(crate) fn fold_accents(lower: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    lower
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            'ß' => 's',
            c => c,
        })
        .collect()
}

/// `Karen's` → (`Karen`, true).
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'S"] {
        if let Some(b) = word.strip_suffix(suf) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (word, false)
}

/// The author's private list of real names, matched exactly (any case, possessive) and
/// one edit away (a deletion neighbourhood per name part).
#[derive(Debug, Default, Clone)]
pub(crate) struct KnownNames {
    /// lower-case name part → whether it is an everyday word (then only capitalised use counts).
    parts: FastMap<String, bool>,
    /// deletion variant (and the part itself) → the part it came from.
    variants: FastMap<String, String>,
    min_len: usize,
    max_len: usize,
    /// First and second letters of the parts: a token one edit away starts with one of them
    /// or has one of them second.
    lead: [u64; 4],
    /// First bytes of the parts, and their byte lengths (bit n: a part of n bytes; 63: longer).
    first: [u64; 4],
    lens: u64,
    /// Number of names listed.
    pub(crate) count: usize,
}

impl KnownNames {
    pub(crate) fn parse(text: &str) -> KnownNames {
        let mut k = KnownNames {
            min_len: usize::MAX,
            ..Default::default()
        };
        let gz = &*GAZETTEER;
        let mut buf = String::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            k.count += 1;
            let mut toks = Vec::new();
            crate::lint::scan::tokens(line, 0, line.len(), &mut toks);
            for t in toks {
                lower_into(&line[t.start..t.end], &mut buf);
                let class = gz.class(&buf);
                if buf.chars().count() < 2 || class & TITLE != 0 {
                    continue;
                }
                let common = class & (WORD | NOT_NAME) != 0;
                k.parts.insert(buf.clone(), common);
                if let Some(&f) = buf.as_bytes().first() {
                    k.first[usize::from(f >> 6)] |= 1 << (f & 63);
                }
                k.lens |= 1u64 << buf.len().min(63);
                let n = buf.chars().count();
                if n >= 4 && !common {
                    k.min_len = k.min_len.min(n);
                    k.max_len = k.max_len.max(n);
                    for &b in buf.as_bytes().iter().take(2) {
                        k.lead[usize::from(b >> 6)] |= 1 << (b & 63);
                    }
                    k.variants.insert(buf.clone(), buf.clone());
                    for d in deletions(&buf) {
                        k.variants.entry(d).or_insert_with(|| buf.clone());
                    }
                }
            }
        }
        k
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Is this lower-case token exactly a known name part? `Some(is_common_word)`.
    pub(crate) fn exact(&self, lower: &str) -> Option<bool> {
        let b = lower.as_bytes();
        let first = *b.first()?;
        // Cheap filters before hashing: first letter and length of some part.
        if self.first[usize::from(first >> 6)] & (1 << (first & 63)) == 0
            || self.lens & (1u64 << b.len().min(63)) == 0
        {
            return None;
        }
        self.parts.get(lower).copied()
    }

    /// A cheap test: could this token be one edit away from a known name part?
    pub(crate) fn may_be_near(&self, lower: &str) -> bool {
        if self.variants.is_empty() {
            return false;
        }
        let b = lower.as_bytes();
        let n = lower.chars().count();
        if n + 1 < self.min_len || n > self.max_len + 1 || n < 4 || b.len() < 2 {
            return false;
        }
        let has = |c: u8| self.lead[usize::from(c >> 6)] & (1 << (c & 63)) != 0;
        has(b[0]) || has(b[1])
    }

    /// Is this token one edit (insertion, deletion, substitution or transposition) away
    /// from a known name part of four letters or more?
    pub(crate) fn near(&self, lower: &str) -> bool {
        if self.variants.contains_key(lower) {
            return true;
        }
        let mut v = String::with_capacity(lower.len());
        for (i, c) in lower.char_indices() {
            v.clear();
            v.push_str(&lower[..i]);
            v.push_str(&lower[i + c.len_utf8()..]);
            if self.variants.contains_key(v.as_str()) {
                return true;
            }
        }
        false
    }

    /// Is this lower-case token a known name part, exactly or one edit away?
    /// Returns (exact, is_common_word); `is_word` says whether the token is an everyday word
    /// (everyday words are never taken as misspellings).
    pub(crate) fn lookup(&self, lower: &str, is_word: bool) -> Option<(bool, bool)> {
        if let Some(common) = self.exact(lower) {
            return Some((true, common));
        }
        if !is_word && self.may_be_near(lower) && self.near(lower) {
            return Some((false, false));
        }
        None
    }
}

/// Every string made by deleting one character.
fn deletions(s: &str) -> Vec<String> {
    let idx: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    let mut out = Vec::with_capacity(idx.len());
    for (k, &i) in idx.iter().enumerate() {
        let next = idx.get(k + 1).copied().unwrap_or(s.len());
        let mut v = String::with_capacity(s.len());
        v.push_str(&s[..i]);
        v.push_str(&s[next..]);
        out.push(v);
    }
    out
}

/// Multi-word phrases (national bodies, agencies, pseudonyms, allowed place names) whose
/// words are never read as a person's name where the whole phrase appears.
#[derive(Debug, Default, Clone)]
pub(crate) struct Phrases {
    /// By first word: whether the word alone is a phrase, and the longer phrases by their
    /// second word (so a common first word such as "north" or "st" costs one more lookup, not
    /// a walk over every phrase that starts with it).
    by_first: FastMap<String, FirstWord>,
}

#[derive(Debug, Default, Clone)]
struct FirstWord {
    single: bool,
    /// Second word → the phrases' words from the third on, longest first.
    by_second: FastMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    pub(crate) fn new(list: impl IntoIterator<Item = impl AsRef<str>>) -> Phrases {
        let mut by_first: FastMap<String, FirstWord> = FastMap::default();
        let mut toks = Vec::new();
        let mut buf = String::new();
        for p in list {
            let p = p.as_ref();
            crate::lint::scan::tokens(p, 0, p.len(), &mut toks);
            let words: Vec<String> = toks
                .iter()
                .map(|t| {
                    lower_into(&p[t.start..t.end], &mut buf);
                    buf.clone()
                })
                .collect();
            let Some(first) = words.first() else { continue };
            let entry = by_first.entry(first.clone()).or_default();
            match words.get(1) {
                None => entry.single = true,
                Some(second) => entry
                    .by_second
                    .entry(second.clone())
                    .or_default()
                    .push(words[2..].to_vec()),
            }
        }
        for f in by_first.values_mut() {
            for v in f.by_second.values_mut() {
                v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            }
        }
        Phrases { by_first }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Is the whole of `text` one of the phrases (any case)?
    pub(crate) fn contains_text(&self, text: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let mut toks = Vec::new();
        crate::lint::scan::tokens(text, 0, text.len(), &mut toks);
        let mut buf = String::new();
        let words: Vec<String> = toks
            .iter()
            .map(|t| {
                lower_into(&text[t.start..t.end], &mut buf);
                buf.clone()
            })
            .collect();
        if words.is_empty() {
            return false;
        }
        self.longest_at(0, words.len(), |j| words[j].as_str(), |_| true) == words.len()
    }

    /// How many tokens from `i` on form one of the phrases (0 if none); `low(j)` gives the
    /// lower-case token `j` and `joined(j)` whether tokens `j` and `j + 1` are next to each other.
    pub(crate) fn longest_at<'a>(
        &self,
        i: usize,
        n: usize,
        low: impl Fn(usize) -> &'a str,
        joined: impl Fn(usize) -> bool,
    ) -> usize {
        let Some(first) = self.by_first.get(low(i)) else {
            return 0;
        };
        if i + 1 < n && joined(i) {
            if let Some(cands) = first.by_second.get(low(i + 1)) {
                'next: for c in cands {
                    if i + 2 + c.len() > n {
                        continue;
                    }
                    for (k, w) in c.iter().enumerate() {
                        if !joined(i + 1 + k) || low(i + 2 + k) != w {
                            continue 'next;
                        }
                    }
                    return 2 + c.len();
                }
            }
        }
        usize::from(first.single)
    }
}

/// Words of a list of phrases, lower-cased, for an allow set.
pub(crate) fn phrase_words(
    phrases: impl IntoIterator<Item = impl AsRef<str>>,
    into: &mut FastSet<String>,
) {
    let mut toks = Vec::new();
    let mut buf = String::new();
    for p in phrases {
        let p = p.as_ref();
        crate::lint::scan::tokens(p, 0, p.len(), &mut toks);
        for t in &toks {
            lower_into(&p[t.start..t.end], &mut buf);
            if buf.chars().count() >= 2 && GAZETTEER.class(&buf) & TITLE == 0 {
                into.insert(buf.clone());
            }
            // "Ellie-Mae" is also written "Ellie Mae", and a file name or slug splits it.
            if buf.contains('-') {
                for part in buf.split('-') {
                    if part.chars().count() >= 2 && GAZETTEER.class(part) & TITLE == 0 {
                        into.insert(part.to_string());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_classes() {
        let g = &*GAZETTEER;
        assert!(g.class("karen") & FIRST_NAME != 0);
        assert!(g.class("walsh") & SURNAME != 0);
        assert!(g.class("hope") & WORD != 0);
        assert!(g.class("march") & NOT_NAME != 0);
        assert!(g.class("mrs") & TITLE != 0);
    }

    #[test]
    fn known_names_exact_and_one_edit() {
        let k = KnownNames::parse("Karen Walsh\n# comment\nRose Tiler\n");
        assert_eq!(k.count, 2);
        assert!(k.lookup("karen", false).is_some_and(|x| x.0));
        assert!(k.lookup("walsch", false).is_some_and(|x| !x.0));
        assert!(k.lookup("wash", true).is_none());
        assert!(k.lookup("kraen", false).is_some()); // transposition
        assert!(k.lookup("rose", true).is_some_and(|x| x.1)); // a common word: caller needs a capital
        assert!(k.lookup("smith", false).is_none());
    }
}

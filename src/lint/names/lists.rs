//! The built-in word lists: titles, relationship words, verbs of speech, given names that are
//! everyday words, proper nouns that are never a person here, eponyms and national bodies.

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
pub(super) const AMBIGUOUS_NAMES: &[&str] = &[
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
pub(super) const NOT_NAMES: &[&str] = &[
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
    // everyday words of speech that the word lists lack (SCOWL spells "OK" in capitals) but the
    // name lists hold ("Ok" is a given name and a surname): "Ok, so what happened?"
    "ok", "okay", "yeah", "yep", "nope", "alright", "um", "erm", "hmm",
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
pub(super) const EPONYMS: &[&str] = &[
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

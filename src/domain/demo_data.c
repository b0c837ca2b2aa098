/*
 * demo_data.c: the word lists, places, codes and prices the demo practice is
 * made from. Every person the demo creates is a random combination of these
 * lists: no real patient is described. Place names and ZIP codes are real
 * (they identify no one); street numbers, ZIP+4 suffixes and 555-01xx phone
 * numbers are made up.
 *
 * The ICD-10-CM codes are billable leaves of the FY2023 Tabular List. CPT
 * codes carry no description (AMA copyright); HCPCS codes carry a label in
 * our own words.
 */
#include "demo_priv.h"

const char *const demo_first_f[] = {
	"Abigail", "Ada", "Adriana", "Aisha", "Alejandra", "Alice", "Allison", "Alyssa",
	"Amanda", "Amber", "Amelia", "Amy", "Ana", "Andrea", "Angela", "Anna",
	"Ashley", "Audrey", "Aurora", "Ava", "Bailey", "Barbara", "Beatrice", "Bethany",
	"Brenda", "Brianna", "Brooke", "Camila", "Carla", "Carmen", "Carol", "Caroline",
	"Catherine", "Charlotte", "Chloe", "Christina", "Claire", "Cynthia", "Daisy", "Dana",
	"Danielle", "Deborah", "Denise", "Diana", "Donna", "Dorothy", "Elena", "Eleanor",
	"Elizabeth", "Ella", "Emily", "Emma", "Erin", "Esther", "Eva", "Evelyn",
	"Faith", "Fatima", "Frances", "Gabriela", "Gloria", "Grace", "Hailey", "Hannah",
	"Harper", "Hazel", "Heather", "Helen", "Imani", "Irene", "Isabella", "Jacqueline",
	"Janet", "Jasmine", "Jennifer", "Jessica", "Joan", "Josephine", "Joyce", "Julia",
	"Karen", "Katherine", "Kayla", "Kelly", "Kimberly", "Laura", "Lauren", "Layla",
	"Leah", "Linda", "Lillian", "Lily", "Lucia", "Lucy", "Madison", "Margaret",
	"Maria", "Marilyn", "Martha", "Maya", "Megan", "Melissa", "Mia", "Michelle",
	"Monica", "Nancy", "Naomi", "Natalie", "Nicole", "Nora", "Olivia", "Paige",
	"Pamela", "Patricia", "Penelope", "Priya", "Rachel", "Rebecca", "Riley", "Rose",
	"Ruth", "Samantha", "Sandra", "Sara", "Savannah", "Scarlett", "Sharon", "Shirley",
	"Sofia", "Sophia", "Stella", "Stephanie", "Susan", "Sydney", "Tamara", "Teresa",
	"Tiffany", "Valeria", "Vanessa", "Victoria", "Violet", "Virginia", "Wendy", "Yolanda",
	"Zoe",
};
const size_t demo_first_f_n = ARRAY_SIZE(demo_first_f);

const char *const demo_first_m[] = {
	"Aaron", "Adam", "Adrian", "Ahmed", "Alan", "Albert", "Alejandro", "Alexander",
	"Andre", "Andrew", "Anthony", "Arthur", "Austin", "Benjamin", "Bradley", "Brandon",
	"Brian", "Bruce", "Caleb", "Carl", "Carlos", "Charles", "Christian", "Christopher",
	"Cole", "Connor", "Daniel", "David", "Dennis", "Derek", "Diego", "Dominic",
	"Douglas", "Dylan", "Edward", "Elijah", "Eric", "Ethan", "Eugene", "Evan",
	"Ezra", "Felix", "Frank", "Gabriel", "Gary", "George", "Gerald", "Gregory",
	"Harold", "Henry", "Hector", "Isaac", "Ivan", "Jack", "Jacob", "Jamal",
	"James", "Jason", "Javier", "Jeffrey", "Jeremy", "Jesse", "John", "Jonathan",
	"Jordan", "Jose", "Joseph", "Joshua", "Juan", "Julian", "Justin", "Keith",
	"Kenneth", "Kevin", "Kyle", "Lawrence", "Leo", "Liam", "Logan", "Louis",
	"Lucas", "Luis", "Malik", "Marcus", "Mark", "Mason", "Matthew", "Michael",
	"Miguel", "Nathan", "Nicholas", "Noah", "Oliver", "Omar", "Oscar", "Owen",
	"Patrick", "Paul", "Peter", "Philip", "Rafael", "Ralph", "Raymond", "Ricardo",
	"Richard", "Robert", "Roger", "Ronald", "Russell", "Ryan", "Samuel", "Scott",
	"Sean", "Sebastian", "Stephen", "Steven", "Terrence", "Theodore", "Thomas", "Timothy",
	"Tyler", "Victor", "Vincent", "Walter", "Wayne", "William", "Wyatt", "Xavier",
	"Zachary",
};
const size_t demo_first_m_n = ARRAY_SIZE(demo_first_m);

const char *const demo_last[] = {
	"Abbott", "Acosta", "Adams", "Aguilar", "Ahmed", "Alexander", "Allen", "Alvarez",
	"Anderson", "Andrews", "Armstrong", "Arnold", "Bailey", "Baker", "Banks", "Barnes",
	"Barrett", "Bautista", "Beck", "Bell", "Bennett", "Berry", "Bishop", "Black",
	"Boyd", "Bradley", "Brooks", "Brown", "Bryant", "Burke", "Burns", "Butler",
	"Caldwell", "Campbell", "Carpenter", "Carroll", "Carter", "Castillo", "Castro", "Chang",
	"Chapman", "Chavez", "Chen", "Clark", "Cole", "Coleman", "Collins", "Cook",
	"Cooper", "Cortez", "Cox", "Crawford", "Cruz", "Cunningham", "Daniels", "Davis",
	"Dawson", "Day", "Diaz", "Dixon", "Douglas", "Duncan", "Dunn", "Edwards",
	"Elliott", "Ellis", "Evans", "Ferguson", "Fernandez", "Fischer", "Fisher", "Fleming",
	"Flores", "Ford", "Foster", "Fowler", "Fox", "Francis", "Franklin", "Freeman",
	"Garcia", "Gardner", "Gibson", "Gomez", "Gonzalez", "Gordon", "Graham", "Grant",
	"Gray", "Green", "Greene", "Griffin", "Gupta", "Gutierrez", "Hall", "Hamilton",
	"Hansen", "Harper", "Harris", "Hart", "Hawkins", "Hayes", "Henderson", "Hernandez",
	"Hicks", "Hill", "Hoffman", "Holland", "Holmes", "Howard", "Hughes", "Hunt",
	"Hunter", "Jackson", "James", "Jenkins", "Jensen", "Johnson", "Jones", "Jordan",
	"Kang", "Keller", "Kelly", "Kennedy", "Khan", "Kim", "King", "Klein",
	"Knight", "Kowalski", "Kumar", "Lane", "Larson", "Lawrence", "Lee", "Lewis",
	"Lin", "Long", "Lopez", "Lynch", "Marshall", "Martin", "Martinez", "Mason",
	"Matthews", "Mayer", "McCarthy", "McDonald", "Medina", "Mendoza", "Meyer", "Miller",
	"Mills", "Mitchell", "Moore", "Morales", "Moreno", "Morgan", "Morris", "Murphy",
	"Murray", "Myers", "Nguyen", "Nelson", "Nichols", "Novak", "O'Brien", "O'Connor",
	"Olson", "Ortiz", "Owens", "Palmer", "Park", "Parker", "Patel", "Patterson",
	"Payne", "Perez", "Perry", "Peters", "Peterson", "Phillips", "Pierce", "Porter",
	"Powell", "Price", "Quinn", "Ramirez", "Ramos", "Reed", "Reyes", "Reynolds",
	"Rice", "Richards", "Richardson", "Rivera", "Roberts", "Robinson", "Rodriguez", "Rogers",
	"Romero", "Rose", "Ross", "Ruiz", "Russell", "Ryan", "Sanchez", "Sanders",
	"Schmidt", "Schneider", "Schultz", "Scott", "Shah", "Shaw", "Simmons", "Simpson",
	"Singh", "Smith", "Snyder", "Spencer", "Stanley", "Stephens", "Stevens", "Stewart",
	"Stone", "Sullivan", "Sutton", "Taylor", "Thomas", "Thompson", "Torres", "Tran",
	"Tucker", "Turner", "Vargas", "Vasquez", "Wagner", "Walker", "Wallace", "Walsh",
	"Ward", "Warren", "Washington", "Watson", "Weaver", "Webb", "Weber", "Wells",
	"West", "Wheeler", "White", "Williams", "Willis", "Wilson", "Wong", "Wood",
	"Woods", "Wright", "Wu", "Yang", "Young", "Zhang", "Zimmerman",
};
const size_t demo_last_n = ARRAY_SIZE(demo_last);

const char *const demo_streets[] = {
	"Oak", "Maple", "Cedar", "Elm", "Pine", "Walnut", "Chestnut", "Hickory",
	"Sycamore", "Willow", "Birch", "Cherry", "Poplar", "Magnolia", "Dogwood", "Juniper",
	"Main", "Church", "Mill", "Spring", "Park", "Lake", "Hill", "Ridge",
	"Valley", "River", "Meadow", "Orchard", "Forest", "Highland", "Sunset", "Lincoln",
	"Washington", "Jefferson", "Madison", "Monroe", "Franklin", "Harrison", "Jackson", "Grant",
	"Montgomery", "Vine", "Race", "Plum", "Linden", "Laurel", "Brookside", "Fairview",
	"Woodland", "Greenwood", "Riverside", "Hamilton", "Kenwood", "Miami", "Glendale", "Beechmont",
	"Ashland", "Summit", "Prospect", "Harmony",
};
const size_t demo_streets_n = ARRAY_SIZE(demo_streets);

const char *const demo_street_types[] = {
	"St", "Ave", "Rd", "Dr", "Ln", "Ct", "Way", "Pl", "Blvd", "Ter",
};
const size_t demo_street_types_n = ARRAY_SIZE(demo_street_types);

/* The practice sits in Cincinnati; patients come from around the tri-state area. */
const struct demo_place demo_places[] = {
	{ "Cincinnati", "OH", "45202", "513", 10 },
	{ "Cincinnati", "OH", "45206", "513", 6 },
	{ "Cincinnati", "OH", "45208", "513", 8 },
	{ "Cincinnati", "OH", "45209", "513", 6 },
	{ "Cincinnati", "OH", "45211", "513", 7 },
	{ "Cincinnati", "OH", "45219", "513", 5 },
	{ "Cincinnati", "OH", "45220", "513", 5 },
	{ "Cincinnati", "OH", "45223", "513", 5 },
	{ "Cincinnati", "OH", "45227", "513", 6 },
	{ "Cincinnati", "OH", "45230", "513", 6 },
	{ "Cincinnati", "OH", "45238", "513", 7 },
	{ "Cincinnati", "OH", "45239", "513", 6 },
	{ "Cincinnati", "OH", "45244", "513", 6 },
	{ "Norwood", "OH", "45212", "513", 8 },
	{ "Blue Ash", "OH", "45242", "513", 5 },
	{ "Mason", "OH", "45040", "513", 5 },
	{ "Loveland", "OH", "45140", "513", 4 },
	{ "Milford", "OH", "45150", "513", 4 },
	{ "Hamilton", "OH", "45011", "513", 4 },
	{ "Fairfield", "OH", "45014", "513", 4 },
	{ "West Chester", "OH", "45069", "513", 4 },
	{ "Covington", "KY", "41011", "859", 4 },
	{ "Florence", "KY", "41042", "859", 3 },
	{ "Newport", "KY", "41071", "859", 3 },
	{ "Lawrenceburg", "IN", "47025", "812", 2 },
};
const size_t demo_places_n = ARRAY_SIZE(demo_places);

/*
 * Diagnoses (ICD-10-CM FY2023 billable codes, without the dot), each checked
 * against icd10cm_tabular_2023.xml. The profile table below refers to them
 * by index through the DX_ names in demo_priv.h.
 */
const char *const demo_dx[DX_COUNT] = {
#define DX_CODE_(name, code) [DX_##name] = code,
	DEMO_DIAGNOSES(DX_CODE_)
#undef DX_CODE_
};

/*
 * The fee schedule: standard fee, and the share of it each kind of payer
 * allows (per cent), from which the per-payer expected amounts are made.
 * Descriptions are given for HCPCS Level II codes only (our own words).
 */
const struct demo_fee demo_fees[] = {
	{ "99202", 11500, NULL, false },
	{ "99203", 16500, NULL, false },
	{ "99204", 24500, NULL, false },
	{ "99212", 8500, NULL, false },
	{ "99213", 12500, NULL, false },
	{ "99214", 18500, NULL, false },
	{ "99215", 25000, NULL, false },
	{ "99392", 18000, NULL, true },
	{ "99393", 18000, NULL, true },
	{ "99394", 19500, NULL, true },
	{ "99395", 21500, NULL, true },
	{ "99396", 23500, NULL, true },
	{ "99397", 25500, NULL, true },
	{ "99309", 15500, NULL, false },
	{ "99406", 3500, NULL, false },
	{ "96127", 1200, NULL, false },
	{ "36415", 1500, NULL, false },
	{ "80053", 3800, NULL, false },
	{ "80061", 4200, NULL, false },
	{ "83036", 3200, NULL, false },
	{ "84443", 4500, NULL, false },
	{ "82306", 5500, NULL, false },
	{ "85025", 2500, NULL, false },
	{ "81002", 1200, NULL, false },
	{ "87880", 3000, NULL, false },
	{ "87426", 4500, NULL, false },
	{ "90471", 3000, NULL, true },
	{ "90686", 3500, NULL, true },
	{ "93000", 5500, NULL, false },
	{ "94010", 6000, NULL, false },
	{ "69210", 8500, NULL, false },
	{ "10060", 19000, NULL, false },
	{ "20610", 15000, NULL, false },
	{ "G0008", 3000, "Flu vaccine administration (Medicare)", true },
	{ "G0438", 25000, "Annual wellness visit, initial", true },
	{ "G0439", 17500, "Annual wellness visit, subsequent", true },
	{ "G0444", 2500, "Annual depression screening, 15 minutes", true },
	{ "Q0091", 5500, "Obtaining a screening Pap smear", true },
};
const size_t demo_fees_n = ARRAY_SIZE(demo_fees);

const struct demo_payer_def demo_payers[] = {
	{ "MEDICARE PART B OHIO", "15202", "MB", "PO Box 6726", "Indianapolis", "IN", "462066726", 365, 41 },
	{ "OHIO MEDICAID", "OHMCD", "MC", "PO Box 1461", "Columbus", "OH", "432161461", 365, 33 },
	{ "BUCKEYE BLUE SHIELD", "00834", "BL", "PO Box 105187", "Atlanta", "GA", "303485187", 180, 62 },
	{ "GREAT LAKES HEALTH PLAN", "GLHP1", "CI", "PO Box 740800", "Louisville", "KY", "402010800", 120, 68 },
	{ "TRISTATE BENEFIT PLANS", "TSB27", "CI", "PO Box 30555", "Salt Lake City", "UT", "841300555", 90, 71 },
};
const size_t demo_payers_n = ARRAY_SIZE(demo_payers);

/*
 * Visit profiles: why people come to a family practice, with the diagnoses
 * and the lines billed. 'weight' is the relative frequency among the
 * patients the profile fits.
 */
const struct demo_profile demo_profiles[] = {
	/* wellness */
	{ "adult physical 18-39", 18, 39, 0, 0, 6, { DX_Z0000, DX_E785 }, 1,
	  { { "99395", 1, "", {1} }, { "36415", 1, "", {1} }, { "80061", 1, "", {1} } }, 3 },
	{ "adult physical 40-64", 40, 64, 0, 0, 8, { DX_Z0000, DX_E785 }, 1,
	  { { "99396", 1, "", {1} }, { "36415", 1, "", {1} }, { "80053", 1, "", {1} }, { "80061", 1, "", {1} } }, 4 },
	{ "adult physical, abnormal", 40, 64, 0, 0, 3, { DX_Z0001, DX_R7303 }, 2,
	  { { "99396", 1, "", {1} }, { "36415", 1, "", {1} }, { "83036", 1, "", {2} } }, 3 },
	{ "physical 65+ commercial", 65, 120, 0, DEMO_NOT_MEDICARE, 2, { DX_Z0000 }, 1,
	  { { "99397", 1, "", {1} }, { "36415", 1, "", {1} }, { "80053", 1, "", {1} } }, 3 },
	{ "wellness visit initial", 65, 120, 0, DEMO_MEDICARE, 3, { DX_Z0000 }, 1,
	  { { "G0438", 1, "", {1} }, { "G0444", 1, "", {1} } }, 2 },
	{ "wellness visit subsequent", 65, 120, 0, DEMO_MEDICARE, 6, { DX_Z0000, DX_I10 }, 2,
	  { { "G0439", 1, "", {1} }, { "99213", 1, "25", {2} } }, 2 },
	{ "well child 1-4", 1, 4, 0, 0, 8, { DX_Z00129, DX_Z23 }, 2,
	  { { "99392", 1, "", {1} }, { "90471", 1, "", {2} }, { "90686", 1, "", {2} } }, 3 },
	{ "well child 5-11", 5, 11, 0, 0, 8, { DX_Z00129 }, 1,
	  { { "99393", 1, "", {1} } }, 1 },
	{ "well adolescent", 12, 17, 0, 0, 7, { DX_Z00129, DX_Z23 }, 2,
	  { { "99394", 1, "", {1} }, { "96127", 1, "", {1} }, { "90471", 1, "", {2} }, { "90686", 1, "", {2} } }, 4 },
	{ "well child, abnormal", 5, 17, 0, 0, 2, { DX_Z00121, DX_E669 }, 2,
	  { { "99393", 1, "", {1, 2} } }, 1 },
	{ "gyn exam", 21, 64, 'F', 0, 3, { DX_Z01419 }, 1,
	  { { "99395", 1, "", {1} } }, 1 },
	{ "gyn exam, pap (Medicare)", 65, 120, 'F', DEMO_MEDICARE, 1, { DX_Z01419 }, 1,
	  { { "Q0091", 1, "", {1} }, { "99213", 1, "25", {1} } }, 2 },
	{ "flu shot", 6, 64, 0, DEMO_NOT_MEDICARE, 5, { DX_Z23 }, 1,
	  { { "90471", 1, "", {1} }, { "90686", 1, "", {1} } }, 2 },
	{ "flu shot (Medicare)", 65, 120, 0, DEMO_MEDICARE, 5, { DX_Z23 }, 1,
	  { { "G0008", 1, "", {1} }, { "90686", 1, "", {1} } }, 2 },
	/* chronic care */
	{ "diabetes follow-up", 30, 120, 0, 0, 10, { DX_E119, DX_I10, DX_E785 }, 3,
	  { { "99214", 1, "", {1, 2, 3} }, { "36415", 1, "", {1} }, { "83036", 1, "", {1} }, { "80053", 1, "", {1, 2} } }, 4 },
	{ "diabetes, uncontrolled", 35, 120, 0, 0, 4, { DX_E1165, DX_Z794, DX_E1122, DX_N1830 }, 4,
	  { { "99215", 1, "", {1, 2, 3, 4} }, { "36415", 1, "", {1} }, { "83036", 1, "", {1} } }, 3 },
	{ "hypertension follow-up", 30, 120, 0, 0, 10, { DX_I10, DX_E782 }, 2,
	  { { "99213", 1, "", {1, 2} }, { "36415", 1, "", {1} }, { "80053", 1, "", {1} } }, 3 },
	{ "heart disease", 50, 120, 0, 0, 3, { DX_I2510, DX_I4891, DX_I10 }, 3,
	  { { "99214", 1, "", {1, 2, 3} }, { "93000", 1, "", {2} } }, 2 },
	{ "chest pain", 35, 120, 0, 0, 2, { DX_R079, DX_R0602 }, 2,
	  { { "99214", 1, "25", {1, 2} }, { "93000", 1, "", {1} } }, 2 },
	{ "COPD", 50, 120, 0, 0, 3, { DX_J449, DX_F17210 }, 2,
	  { { "99214", 1, "25", {1, 2} }, { "94010", 1, "", {1} } }, 2 },
	{ "hypothyroidism", 25, 120, 0, 0, 4, { DX_E039, DX_R5383 }, 2,
	  { { "99213", 1, "", {1, 2} }, { "36415", 1, "", {1} }, { "84443", 1, "", {1} } }, 3 },
	{ "anemia and fatigue", 18, 120, 0, 0, 3, { DX_D649, DX_R5383, DX_E559 }, 3,
	  { { "99213", 1, "", {1, 2, 3} }, { "36415", 1, "", {1} }, { "85025", 1, "", {1} }, { "82306", 1, "", {3} } }, 4 },
	{ "anxiety and depression", 14, 120, 0, 0, 6, { DX_F411, DX_F32A, DX_G4700 }, 3,
	  { { "99214", 1, "", {1, 2, 3} }, { "96127", 2, "", {1, 2} } }, 2 },
	{ "obesity counselling", 18, 75, 0, 0, 3, { DX_E669, DX_Z713, DX_R7303 }, 3,
	  { { "99213", 1, "", {1, 2, 3} } }, 1 },
	{ "smoking cessation", 18, 90, 0, 0, 3, { DX_F17210, DX_J449 }, 1,
	  { { "99213", 1, "25", {1} }, { "99406", 1, "", {1} } }, 2 },
	{ "osteoarthritis, knee injection", 45, 120, 0, 0, 3, { DX_M1711, DX_M25561 }, 2,
	  { { "99213", 1, "25", {1, 2} }, { "20610", 1, "RT", {1} } }, 2 },
	{ "osteoporosis", 60, 120, 'F', 0, 2, { DX_M810, DX_N951 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "prostate", 50, 120, 'M', 0, 2, { DX_N400, DX_R350 }, 2,
	  { { "99213", 1, "", {1, 2} }, { "81002", 1, "", {2} } }, 2 },
	{ "GERD", 18, 120, 0, 0, 3, { DX_K219 }, 1,
	  { { "99213", 1, "", {1} } }, 1 },
	{ "nursing home visit", 75, 120, 0, DEMO_FACILITY, 3, { DX_I10, DX_M1990, DX_N1830 }, 3,
	  { { "99309", 1, "", {1, 2, 3} } }, 1 },
	/* acute */
	{ "upper respiratory infection", 0, 120, 0, DEMO_ACUTE, 12, { DX_J069, DX_R059 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "strep throat", 3, 60, 0, DEMO_ACUTE, 6, { DX_J020, DX_R509 }, 2,
	  { { "99213", 1, "", {1, 2} }, { "87880", 1, "QW", {1} } }, 2 },
	{ "sore throat", 3, 120, 0, DEMO_ACUTE, 4, { DX_J029 }, 1,
	  { { "99213", 1, "", {1} }, { "87880", 1, "QW", {1} } }, 2 },
	{ "sinusitis", 12, 120, 0, DEMO_ACUTE, 6, { DX_J0190, DX_R519 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "bronchitis", 12, 120, 0, DEMO_ACUTE, 5, { DX_J209, DX_R059 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "COVID-19", 2, 120, 0, DEMO_ACUTE, 4, { DX_U071, DX_R509, DX_R059 }, 3,
	  { { "99214", 1, "", {1, 2, 3} }, { "87426", 1, "QW", {1} } }, 2 },
	{ "ear infection", 0, 12, 0, DEMO_ACUTE, 7, { DX_H6690, DX_R509 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "telehealth follow-up", 18, 120, 0, DEMO_TELEHEALTH, 4, { DX_I10, DX_F411 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "urinary tract infection", 12, 120, 'F', DEMO_ACUTE, 5, { DX_N390, DX_R350 }, 2,
	  { { "99213", 1, "", {1, 2} }, { "81002", 1, "", {1} } }, 2 },
	{ "low back pain", 18, 120, 0, DEMO_ACUTE, 7, { DX_M5450, DX_M62830 }, 2,
	  { { "99214", 1, "", {1, 2} } }, 1 },
	{ "neck pain", 18, 120, 0, DEMO_ACUTE, 3, { DX_M542 }, 1,
	  { { "99213", 1, "", {1} } }, 1 },
	{ "knee pain", 12, 120, 0, DEMO_ACUTE, 3, { DX_M25561 }, 1,
	  { { "99213", 1, "", {1} } }, 1 },
	{ "new patient, several problems", 18, 120, 0, 0, 3, { DX_I10, DX_E785, DX_E669, DX_K219, DX_G4700 }, 5,
	  { { "99204", 1, "", {1, 2, 3, 4} } }, 1 },
	{ "new patient, one problem", 1, 120, 0, 0, 3, { DX_J309 }, 1,
	  { { "99203", 1, "", {1} } }, 1 },
	{ "headache", 12, 120, 0, DEMO_ACUTE, 4, { DX_G43909, DX_R42 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "abscess drainage", 5, 120, 0, DEMO_ACUTE, 2, { DX_L0291 }, 1,
	  { { "99213", 1, "25", {1} }, { "10060", 1, "", {1} } }, 2 },
	{ "ear wax removal", 5, 120, 0, 0, 3, { DX_H6121 }, 1,
	  { { "69210", 1, "RT", {1} } }, 1 },
	{ "rash", 0, 120, 0, DEMO_ACUTE, 4, { DX_L309 }, 1,
	  { { "99212", 1, "", {1} } }, 1 },
	{ "acne", 12, 30, 0, DEMO_ACUTE, 2, { DX_L700 }, 1,
	  { { "99213", 1, "", {1} } }, 1 },
	{ "gastroenteritis", 1, 120, 0, DEMO_ACUTE, 3, { DX_K529, DX_R109 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "pink eye", 0, 120, 0, DEMO_ACUTE, 3, { DX_H109 }, 1,
	  { { "99212", 1, "", {1} } }, 1 },
	{ "viral illness", 0, 120, 0, DEMO_ACUTE, 3, { DX_B349, DX_R509 }, 2,
	  { { "99213", 1, "", {1, 2} } }, 1 },
	{ "dizziness and palpitations", 30, 120, 0, DEMO_ACUTE, 2, { DX_R42, DX_R002 }, 2,
	  { { "99214", 1, "25", {1, 2} }, { "93000", 1, "", {2} } }, 2 },
	{ "contraception", 16, 45, 'F', 0, 3, { DX_Z30011 }, 1,
	  { { "99213", 1, "", {1} } }, 1 },
	{ "PCOS", 16, 45, 'F', 0, 1, { DX_E282 }, 1,
	  { { "99214", 1, "", {1} } }, 1 },
};
const size_t demo_profiles_n = ARRAY_SIZE(demo_profiles);

/* How payers deny claims: the CAS group and CARC reason, and the note. */
const struct demo_denial demo_denials[] = {
	{ "CO", "50", "denied: CO-50 not deemed a medical necessity" },
	{ "CO", "16", "denied: CO-16 claim lacks information (N290 rendering provider)" },
	{ "CO", "96", "denied: CO-96 non-covered charge" },
	{ "OA", "18", "denied: OA-18 exact duplicate claim" },
	{ "PR", "204", "denied: PR-204 not covered under the patient's current plan" },
};
const size_t demo_denials_n = ARRAY_SIZE(demo_denials);

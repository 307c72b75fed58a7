// The builder's small, generic word lists: titles of people, the words that make a name an organisation,
// a place or an event, pronouns and connectors. Nothing here is taken from any particular article: the
// builder must find an article's names by itself (the tagger's lexicon is its only gazetteer).

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Title words that stand before a person's name ("Governor", "Foreign Minister", "Dr."). Lower case. */
export const TITLE_HEADS = words(`
  president vice-president premier chancellor king queen prince princess pope emperor sultan emir
  minister secretary undersecretary under-secretary ambassador envoy consul diplomat attaché
  governor gov. lt. lieutenant mayor senator sen. representative rep. congressman congresswoman councilmember
  councilman councilwoman councillor councilor councillors councilors senators assemblyman assemblywoman delegate speaker leader chair chairman chairwoman
  chairperson director administrator commissioner superintendent inspector supt. chief
  general gen. admiral adm. commander cmdr. colonel col. major maj. captain capt. sergeant sgt.
  officer sheriff marshal judge justice magistrate attorney prosecutor counsel
  dr. doctor prof. professor mr. mrs. ms. mx. sir dame lord lady rev. reverend bishop archbishop
  dr mr mrs ms prof secretary-general secretaries-general baron baroness duke duchess earl countess viscount marquess
  spokesperson spokesman spokeswoman press astronaut cosmonaut pilot engineer scientist researcher
  meteorologist forecaster economist demographer epidemiologist physician nurse analyst manager adviser advisor
  ceo cfo coo founder executive president-elect mp mep mla mpp msp activist singer actor actress writer author
  poet artist musician composer player coach captain striker goalkeeper defender midfielder forward
  quarterback linebacker kicker boxer lawyer teacher reporter journalist editor photographer publicist
  ranger rangers trooper troopers detective detectives det. constable firefighter paramedic dispatcher warden
  referee umpire linesman
  rabbi imam pastor cardinal cleric sheikh ayatollah priest chaplain vicar deacon
  democrat republican
`);

/**
 * Round 19: adjectives that do not spell the name they come from ("Jovian satellites" for "Jupiter"); a
 * title or a prompt with one gives the name away as the other forms of a word do (questions.ts, `otherForm`).
 */
export const ADJECTIVE_OF: ReadonlyMap<string, string> = new Map([
  ['Jovian', 'Jupiter'], ['Martian', 'Mars'], ['Venusian', 'Venus'], ['Lunar', 'Moon'], ['Swiss', 'Switzerland'],
  ['Welsh', 'Wales'], ['Irish', 'Ireland'], ['French', 'France'], ['Danish', 'Denmark'], ['Finnish', 'Finland'],
  ['Polish', 'Poland'], ['Spanish', 'Spain'], ['Greek', 'Greece'], ['British', 'Britain'], ['Norwegian', 'Norway'],
  ['Peruvian', 'Peru'], ['Filipino', 'Philippines'],
]);

/** Words that qualify a title ("Deputy Foreign Minister", "Acting Director") without being a name. */
export const TITLE_MODIFIERS = words(`
  deputy vice acting interim associate assistant senior chief principal executive foreign prime
  first second lead special state federal national regional district county city cabinet health
  interior defense defence finance treasury trade justice education energy labor labour commerce
  agriculture transportation homeland public project program programme mission medical general
  surgeon attorney managing former top majority minority emeritus park
`);

/** Words that head the complement of a title: "Secretary of Energy", "Cabinet Secretary for Interior". */
export const TITLE_LINKS = words('of for');

/** A name holding one of these words is an organisation. */
export const ORGANISATION_WORDS = words(`
  department agency administration bureau service services office center centers centre centres
  institute institutes institution university college school academy council commission ministry
  committee association corporation company inc. inc corp. corp llc ltd. ltd bank fund organization
  organisation organizations foundation laboratory laboratories lab hospital clinic society embassy
  consulate army navy force forces corps guard congress senate parliament assembly court board
  authority union party group division directorate program programme network alliance federation
  coalition secretariat cabinet police observatory museum library station agency's hall brotherhood
  sisterhood league church club fc f.c. cf afc news times post tribune herald chronicle telegraph
  broadcasting broadcaster radio television newspaper infirmary hospice sanatorium seminary polytechnic
  mirror gazette inquirer courier examiner sentinel
`);

/** A name ending in one of these words is a place. */
export const PLACE_WORDS = words(`
  county counties city town village parish parishes province provinces state region district territory
  island islands isle river ocean sea gulf bay lake lakes mount mountain mountains range coast valley
  park peninsula strait channel beach canyon desert basin border street avenue road boulevard square
  bridge harbor harbour port airport plaza heights falls springs creek forest reserve republic kingdom
  commonwealth emirates stadium arena palace cathedral abbey temple mosque cemetery castle basilica
  chapel shrine monastery prison prisons jail gaol penitentiary
`);

/**
 * Round 12: places that are institutions, named with their word first as often as last ("HM Prison
 * Barlinnie", "Varno Prison"): wherever the word stands, the name is a place and never a person's.
 */
export const INSTITUTION_PLACE_WORDS = words('prison prisons jail gaol penitentiary');

/**
 * Round 12: head nouns of institutions and built places that are no one's surname or given name: a name
 * holding one anywhere ("Royal Varno Infirmary", "HM Prison Kellmoor", "University of Ostra") is never a
 * person, whatever it is listed with. Words that are also surnames ("Park", "Court", "Church", "Bridge",
 * "Hall") are left out: "Lena Park" and "Margaret Court" are people.
 */
export const INSTITUTION_WORDS = words(`
  prison prisons jail gaol penitentiary hospital hospitals clinic infirmary hospice sanatorium university
  universities college colleges school schools academy seminary polytechnic institute museum library
  airport stadium arena cathedral abbey mosque monastery basilica chapel courthouse embassy consulate
`);

/** A name starting with one of these is an event (a storm, a summit, a mission). */
export const EVENT_HEADS = words('hurricane typhoon cyclone storm operation summit conference festival games olympics');

/** Named works: a name ending in one of these is a law, a report, a plan. */
export const WORK_WORDS = words(`
  act acts accord accords treaty agreement plan strategy report declaration convention protocol
  initiative charter bill amendment doctrine survey estimates index review manifesto law journal
  proceedings annals magazine bulletin gazette
`);

/**
 * Particles of a person's or a place's name, written in lower case between or before its capitalised words:
 * "Ada van Horne", "van Horne", "Omar bin Rashid", "Lucía del Campo", "Jean de Marsac".
 */
export const NAME_PARTICLES = words('van von der den de del della dei da di du dos das bin ibn al el la le ter ten');

/** What follows a person's name after a comma and stays part of it: "Dale Ruiz, Jr.", "Ana Okafor, III". */
export const NAME_SUFFIX = /^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV)$/;

/** Lower-case words allowed inside a name between capitalised words. */
export const NAME_CONNECTORS = words('of and for the de del della dei da di du dos das von van der den le la al el bin ibn ter ten on & y -');

/** Prepositions and verbs after which a capitalised name is most likely a place. */
export const PLACE_CUES = words(`
  in at near from into across throughout outside inside toward towards around off to visit visits
  visited visiting reach reached reaching arrive arrived arrives via between
`);

/** Words after which "to X" names a person (a recipient), not a place. */
export const RECIPIENT_VERBS = words(`
  spoke speak speaks speaking talked talk talks said say says wrote write writes told tell tells
  according letter message reply replied responded respond responding thanks thanked
`);

/** Verbs of saying: a name right before or after one is likely a person or an organisation. */
export const REPORTING_VERBS = words(`
  said says told added noted explained stated announced confirmed warned urged emphasized emphasised
  stressed argued wrote reported according
`);

/** Pronouns that, opening a sentence, leave the reader asking "who?" or "what?". */
export const SUBJECT_PRONOUNS = words('he she it they we i you him them us');
export const POSSESSIVE_PRONOUNS = words('his her its their our my your');
export const DEMONSTRATIVES = words('this that these those');

/** Discourse openers that may come before a pronoun: "Instead, it aims ...". */
export const OPENERS = words(`
  however instead meanwhile still also now earlier later separately additionally finally moreover
  furthermore yet then thus therefore nevertheless nonetheless today yesterday tomorrow similarly
  overall ultimately in addition
`);

/** Auxiliary and modal verbs: "will meet" becomes "Where will X meet?". */
export const AUXILIARIES = words('will would can could should shall may might must is are was were has have had does do did');

/** Words after which the builder does not split a "that" clause off: "announced that ...". */
export const THAT_VERBS = words(`
  said says announced announces confirmed confirms stated states reported reports noted notes added
  explained warned emphasized emphasised stressed believes believe expects expect found find showed
  show shows indicated indicate indicates
`);

/** Number words a count can be spelled with. "one" is left out: "one of the ..." is rarely a count. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12],
]);

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12],
]);

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;


/** Words many names share ("National", "State", "North"): no clue to one name in particular. */
export const GENERIC_NAME_WORDS = words(`
  national united states state new north south east west northern southern eastern western central
  international royal federal general world global great first american british european us u.s. uk
  empire dynasty republic
`);

/** Whether a lower-case word is one that many names share: a generic word or a kind word (agency, park). */
export function isGenericNameWord(lower: string): boolean {
  return GENERIC_NAME_WORDS.has(lower) || ORGANISATION_WORDS.has(lower) || PLACE_WORDS.has(lower) || WORK_WORDS.has(lower) || EVENT_HEADS.has(lower) || NAME_CONNECTORS.has(lower);
}

/** A firm's legal form written after its name ("Kellin Loan Servicing, LLC"), as a regular expression's alternatives. */
export const LEGAL_FORMS = String.raw`LLC|L\.L\.C\.|Inc\.?|Ltd\.?|LLP|PLC|plc|GmbH|S\.A\.|N\.V\.|Pty\.? Ltd\.?|Co\.`;

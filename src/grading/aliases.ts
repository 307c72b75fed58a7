// The built-in table of equivalent answers ("US" = "U.S." = "United States"). Each row is an equivalence
// class of WHOLE answers: "USA" matches "United States", but "US" inside a longer answer is never rewritten,
// so an alias can make a right answer acceptable without ever making a wrong one right.

import { normalizeAnswer } from './normalize-answer.js';

export const BUILT_IN_ALIASES: readonly (readonly string[])[] = [
  ['US', 'USA', 'United States', 'United States of America', 'America'],
  ['UK', 'United Kingdom', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  ['China', 'PRC', "People's Republic of China", 'Mainland China'],
  ['Russia', 'Russian Federation'],
  ['EU', 'European Union'],
  ['UN', 'United Nations'],
  ['UN Security Council', 'UNSC', 'United Nations Security Council'],
  ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  ['UAE', 'United Arab Emirates'],
  ['USSR', 'Soviet Union', 'Union of Soviet Socialist Republics'],
  ['DC', 'Washington DC', 'Washington D.C.'],
  ['FM', 'Foreign Minister', 'Minister of Foreign Affairs'],
  ['Foreign Ministry', 'Ministry of Foreign Affairs', 'MFA'],
  ['Secretary of State', 'Sec of State', 'SecState'],
  ['US Secretary of State', 'United States Secretary of State', 'American Secretary of State'],
  ['State Department', 'Department of State', 'State Dept', 'US State Department', 'United States Department of State'],
  ['US President', 'President of the United States', 'POTUS', 'American President'],
  ['PM', 'Prime Minister'],
  ['UN Secretary General', 'United Nations Secretary General', 'Secretary General of the United Nations'],
  ['World War II', 'World War 2', 'WWII', 'WW2', 'Second World War'],
  ['World War I', 'World War 1', 'WWI', 'WW1', 'First World War', 'Great War'],
  // Bodies far better known by their initials than by their names (round 33: a learner types "FBI" for
  // "Federal Bureau of Investigation" whether or not the article writes the initials). Only initials that
  // name one body in the news; the whole answer is matched, as everywhere in this table.
  ['FBI', 'Federal Bureau of Investigation'],
  ['CIA', 'Central Intelligence Agency'],
  ['NSA', 'National Security Agency'],
  ['NASA', 'National Aeronautics and Space Administration'],
  ['NOAA', 'National Oceanic and Atmospheric Administration'],
  ['EPA', 'Environmental Protection Agency'],
  ['FDA', 'Food and Drug Administration'],
  ['CDC', 'Centers for Disease Control and Prevention', 'Centers for Disease Control'],
  ['DHS', 'Department of Homeland Security', 'Homeland Security Department'],
  ['USDA', 'US Department of Agriculture', 'United States Department of Agriculture', 'U.S. Department of Agriculture'],
  ['FAA', 'Federal Aviation Administration'],
  ['NTSB', 'National Transportation Safety Board'],
  ['SEC', 'Securities and Exchange Commission'],
  ['FCC', 'Federal Communications Commission'],
  ['USAF', 'United States Air Force', 'US Air Force'],
  ['US Supreme Court', 'United States Supreme Court', 'Supreme Court of the United States', 'SCOTUS'],
  ['NYPD', 'New York Police Department', 'New York City Police Department'],
  ['LAPD', 'Los Angeles Police Department'],
  ['NHS', 'National Health Service'],
  ['RAF', 'Royal Air Force'],
  ['BBC', 'British Broadcasting Corporation'],
  ['WHO', 'World Health Organization', 'World Health Organisation'],
  ['IMF', 'International Monetary Fund'],
  ['WTO', 'World Trade Organization', 'World Trade Organisation'],
  ['UNESCO', 'United Nations Educational, Scientific and Cultural Organization'],
  ['UNICEF', "United Nations Children's Fund"],
  ['UNHCR', 'United Nations High Commissioner for Refugees', 'UN Refugee Agency', 'United Nations Refugee Agency', 'UN High Commissioner for Refugees'],
  ['IAEA', 'International Atomic Energy Agency'],
  ['OPEC', 'Organization of the Petroleum Exporting Countries'],
  ['OECD', 'Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development'],
  ['ASEAN', 'Association of Southeast Asian Nations'],
  ['ECB', 'European Central Bank'],
  ['ICRC', 'International Committee of the Red Cross'],
  ['IOC', 'International Olympic Committee'],
  ['FIFA', 'Fédération Internationale de Football Association'],
  ['UEFA', 'Union of European Football Associations'],
  ['FIA', "Fédération Internationale de l'Automobile"],
  ['NFL', 'National Football League'],
  ['NBA', 'National Basketball Association'],
  ['NHL', 'National Hockey League'],
  ['MLB', 'Major League Baseball'],
  ['NASCAR', 'National Association for Stock Car Auto Racing'],
  ['WTA', "Women's Tennis Association"],
  ['MIT', 'Massachusetts Institute of Technology'],
  ['IMDb', 'Internet Movie Database'],
  // Round 37: more of the same, and the few people, parties, treaties and competitions the news names by a
  // short form as often as by the long one. Whole answers still: "Olympics" for "Olympic Games", never
  // "Olympics" inside a longer answer.
  ['ESA', 'European Space Agency'],
  ['JAXA', 'Japan Aerospace Exploration Agency'],
  ['ISRO', 'Indian Space Research Organisation', 'Indian Space Research Organization'],
  ['CERN', 'European Organization for Nuclear Research', 'European Organisation for Nuclear Research'],
  ['ISS', 'International Space Station'],
  ['USGS', 'United States Geological Survey', 'US Geological Survey', 'U.S. Geological Survey'],
  ['FEMA', 'Federal Emergency Management Agency'],
  ['IRS', 'Internal Revenue Service'],
  ['DEA', 'Drug Enforcement Administration'],
  ['NIH', 'National Institutes of Health'],
  ['NSF', 'National Science Foundation'],
  ['NSC', 'National Security Council'],
  ['DOJ', 'Department of Justice', 'Justice Department', 'US Department of Justice', 'United States Department of Justice'],
  ['FCO', 'Foreign and Commonwealth Office', 'Foreign Office', 'Foreign & Commonwealth Office'],
  ['IPCC', 'Intergovernmental Panel on Climate Change'],
  ['WWF', 'World Wide Fund for Nature', 'World Wildlife Fund'],
  ['ACLU', 'American Civil Liberties Union'],
  ['PLO', 'Palestine Liberation Organization', 'Palestine Liberation Organisation'],
  ['ANC', 'African National Congress'],
  ['IDF', 'Israel Defense Forces', 'Israel Defence Forces', 'Israeli Defense Forces'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['AP', 'Associated Press'],
  ['ITAR', 'International Traffic in Arms Regulations'],
  ['GOP', 'Republican Party', 'Republicans', 'Grand Old Party'],
  ['Democratic Party', 'Democrats'],
  ['US Congress', 'United States Congress', 'U.S. Congress', 'Congress'],
  ['JFK', 'John F. Kennedy', 'John F Kennedy', 'John Fitzgerald Kennedy'],
  ['MLK', 'Martin Luther King Jr.', 'Martin Luther King', 'Martin Luther King Jr'],
  ['FDR', 'Franklin D. Roosevelt', 'Franklin Delano Roosevelt', 'Franklin Roosevelt'],
  ['Olympics', 'Olympic Games'],
  ['Summer Olympics', 'Summer Olympic Games'],
  ['Winter Olympics', 'Winter Olympic Games'],
  ['Paralympics', 'Paralympic Games'],
  ['Summer Paralympics', 'Summer Paralympic Games'],
  ['Winter Paralympics', 'Winter Paralympic Games'],
  ['Formula One', 'Formula 1', 'F1'],
  ['Premier League', 'English Premier League', 'Barclays Premier League', 'EPL'],
  ['Champions League', 'UEFA Champions League'],
  ['European Championship', 'UEFA European Championship', 'UEFA Euro', 'European Championships'],
  ['Barcelona', 'FC Barcelona', 'Barça', 'Barca'],
  ['Bayern Munich', 'Bayern', 'FC Bayern Munich', 'Bayern München', 'FC Bayern'],
  ['Real Madrid', 'Real Madrid CF'],
  ['Manchester United', 'Man United', 'Man Utd'],
  ['Paris Agreement', 'Paris Climate Agreement', 'Paris Climate Accords', 'Paris Climate Accord', 'Paris Accords', 'Paris Accord'],
  ['Six-Day War', 'Six Day War', '1967 War'],
  // Round 38: the kicks of football as commentators and learners name them.
  ['penalty kick', 'penalty'],
  ['corner kick', 'corner'],
];

/** One way of writing an answer: its normal form, and how it is spelled for a person. */
export interface AliasForm {
  normalized: string;
  spelled: string;
}

/** Normalized answer -> every form of its class (itself included). */
// Made at the first grading, not at start-up: normalizing the table costs about a millisecond, before the
// first question is on screen.
let classes: ReadonlyMap<string, readonly AliasForm[]> | undefined;

function aliasClasses(): ReadonlyMap<string, readonly AliasForm[]> {
  if (classes === undefined) {
    const made = new Map<string, readonly AliasForm[]>();
    for (const row of BUILT_IN_ALIASES) {
      const members: AliasForm[] = [];
      for (const spelled of row) {
        const normalized = normalizeAnswer(spelled);
        if (!members.some((member) => member.normalized === normalized)) members.push({ normalized, spelled });
      }
      for (const member of members) made.set(member.normalized, members);
    }
    classes = made;
  }
  return classes;
}

/** The forms that count as the same answer as `spelled` (normalized as `normalized`): itself first, as spelled. */
export function aliasFormsOf(normalized: string, spelled: string): readonly AliasForm[] {
  const members = aliasClasses().get(normalized);
  const own: AliasForm = { normalized, spelled };
  if (members === undefined) return [own];
  return [own, ...members.filter((member) => member.normalized !== normalized)];
}

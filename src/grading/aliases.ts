// The built-in table of equivalent answers ("US" = "U.S." = "United States"). Each row is an equivalence
// class of WHOLE answers: "USA" matches "United States", but "US" inside a longer answer is never rewritten,
// so an alias can make a right answer acceptable without ever making a wrong one right.

import { normalizeAnswer } from './normalize-answer.js';

const BUILT_IN_ALIASES: readonly (readonly string[])[] = [
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
  ['UNHCR', 'United Nations High Commissioner for Refugees', 'UN Refugee Agency'],
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

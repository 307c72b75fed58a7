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

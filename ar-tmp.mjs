import { readAnkiPackage } from 'anki-reader';
import { readFileSync } from 'node:fs';
const pkg = await readAnkiPackage(new Blob([readFileSync(process.argv[2])]));
const decks = pkg.collection.getDecks();
for (const [id, deck] of Object.entries(decks)) { const cards = Object.values(deck.getCards()); console.log(id, deck.getName(), cards.length); if (cards[0]) { console.log(JSON.stringify(cards[0].getFields()).slice(0,300)); console.log(cards[0].getQuestions().slice(0,1).map(q=>[q.getQuestion?.(), q.getAnswer?.()])) } }
console.log(Object.values(pkg.collection.getModels()).map(m=>m.getName?.()));

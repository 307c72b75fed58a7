# Mnemosyne 2, driven through its own scripting library (mnemosyne.script), for `npm run bench`: the
# same work as the factdeck figure it is paired with. Run with the Python that has Mnemosyne installed
# (Debian's mnemosyne package: /usr/bin/python3).
#
#   drive_mnemosyne.py make DIR CARDS ANSWERS   a collection of CARDS cards (front/back) with ANSWERS past
#                                         repetitions in its log, most cards due (made once, not timed)
#   drive_mnemosyne.py first-card DIR           opens the collection, prints the first card to review, closes
#   drive_mnemosyne.py review DIR               opens it, shows the first card, grades it (4), saves, closes
#
# Every mode prints a marker line the benchmark waits for: "mnemosyne-first-card: ..." when the first
# card is known, "mnemosyne-saved" once the collection is saved and closed.

import os
import sys
import time

from mnemosyne.script import Mnemosyne


def open_collection(data_dir):
    return Mnemosyne(data_dir)


def make(data_dir, cards, answers):
    os.makedirs(data_dir, exist_ok=True)
    mnemosyne = open_collection(data_dir)
    # No upload of statistics, no questions asked: a quiet collection like a learner's.
    mnemosyne.config()["upload_science_logs"] = False
    db = mnemosyne.database()
    card_type = mnemosyne.card_type_with_id("1")
    places = ["Lisbon", "Nairobi", "Oslo", "Quito", "Hanoi", "Tunis", "Lima", "Riga", "Accra", "Perth"]
    made = []
    for i in range(cards):
        fact_data = {"f": "Delegate %d arrived in _____ in month %d." % (i + 1, i % 12 + 1), "b": places[i % 10]}
        made.extend(mnemosyne.controller().create_new_cards(
            fact_data, card_type, grade=4, tag_names=["topic %d" % (i % 12)],
            check_for_duplicates=False, save=False))
    db.save()
    # Five years of repetitions, ~200 a day, in the collection's own log (what statistics read), and each
    # card's schedule left as its last repetition set it: most of them are due by now.
    now = int(time.time())
    start = now - 5 * 365 * 86400
    per_day = 200
    last = {}
    for n in range(answers):
        card = made[(n * 7919) % len(made)]
        at = start + (n // per_day) * 86400 + (n % per_day) * 60
        grade = 4 if n % 10 < 7 else 1
        interval = 86400 * (1 + (n % 30))
        db.log_repetition(at, card.id, grade, 2.5, 1, n % 50, n % 7, 1, n % 20, interval, interval, 3, at + interval, 0)
        last[card._id] = (card, at, grade, at + interval)
    for card, at, grade, next_rep in last.values():
        card.grade = grade
        card.last_rep = at
        card.next_rep = next_rep
        card.easiness = 2.5
        card.ret_reps = 10
        db.update_card(card, repetition_only=True)
    db.save()
    mnemosyne.finalise()


def first_card(data_dir):
    mnemosyne = open_collection(data_dir)
    card = mnemosyne.review_controller().card
    print("mnemosyne-first-card: %s" % (card.question("plain_text") if card else "(none)"), flush=True)
    mnemosyne.finalise()
    print("mnemosyne-saved", flush=True)


def review(data_dir):
    mnemosyne = open_collection(data_dir)
    controller = mnemosyne.review_controller()
    card = controller.card
    print("mnemosyne-first-card: %s" % (card.question("plain_text") if card else "(none)"), flush=True)
    controller.show_answer()
    controller.grade_answer(4)
    mnemosyne.database().save()
    mnemosyne.finalise()
    print("mnemosyne-saved", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "make" and len(sys.argv) == 5:
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "first-card" and len(sys.argv) == 3:
        first_card(sys.argv[2])
    elif mode == "review" and len(sys.argv) == 3:
        review(sys.argv[2])
    else:
        sys.stderr.write("usage: drive_mnemosyne.py make DIR CARDS ANSWERS | first-card DIR | review DIR\n")
        sys.exit(2)

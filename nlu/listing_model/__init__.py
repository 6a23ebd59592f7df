"""A trained linear model for listing categories, measured against the rules by leave-one-set-out validation.

The rules (nlu/listings.py, nlu/listing_evidence.py) say, per category, where a listing names it: in the title,
the lead, the tasks, the organisation blurb, the offer and wish sections. The model weighs that evidence, and the
words the listing uses, by what the labelled agency-style listings say (tests/nlu/data/listings_dev*.jsonl, one set
per independent author), and decides each category with one threshold. `python -m nlu.listing_model.loso` trains on
all sets but one and predicts the one left out, for each set in turn: the honest estimate for a new author.

Measured on 2026-12-05 (four sets, 580 listings; tests/nlu/data/README.md) the model does not beat the rules: the
rule evidence reweighted ties them, the words alone generalise poorly across authors, and the two together tie them
again. So categorize() uses the rules alone and no weights ship; this package is the yardstick to run again when
more labelled listings arrive. It is deterministic (zero start, full-batch steps, sorted vocabulary).

Measured again on 2026-12-07 (branch listings19) with twenty sets (2484 listings, the rules of main 341f3c7c), pooled
precision / recall / F1 of the held-out sets: rules 0.908 / 0.888 / 0.897 (lowest set recall 0.831); rule evidence
reweighted 0.903 / 0.875 (t=0.4); hybrid (words in at least 8 listings) 0.909 / 0.887 (t=0.4), 0.914 / 0.873 (t=0.5);
the rules plus a category the hybrid holds at 0.5 or more 0.906 / 0.891, at 0.6 0.907 / 0.890, at 0.7 0.907 / 0.888,
at 0.8 or 0.9 exactly the rules (it adds nothing). No combination gains recall without losing precision, so still no
weights ship.
"""

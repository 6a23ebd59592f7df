"""A trained category component that works with the rules (hybrid).

The rules find interest mentions and decide whether each is wanted, ruled out or a self-description; a small linear
model over the message's words, character n-grams and those rule signals estimates, per category, how likely the
writer wants it. The component (`ehrenamt_learned_categories`, after negation) may add a category the rules missed
when the model is confident, and drop a rule category only when the model is very confident it is wrong and has seen
the words the rules found it by. The model
is trained by `python -m nlu.learned.train` on the labelled non-blind sets in tests/nlu/data and shipped in
data/nlu/learned/; nothing is downloaded at run time.
"""

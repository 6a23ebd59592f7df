"""Tools run by hand over the labelled data (`python -m nlu.tools.NAME`); nothing here runs in the bot."""

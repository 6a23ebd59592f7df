"""A Bot API inside the process, for the terminal demo, the tests and the benchmark."""

"""The Telegram edge: builds the Application, parses updates, calls use cases, renders their results."""

"""ehrenamt-bot: find volunteering opportunities in Germany from free text, in a Telegram chat."""

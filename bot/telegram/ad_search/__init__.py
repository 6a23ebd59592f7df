"""The organisations' side of volunteers' ads: /freiwillige (/volunteers), saved ad searches and their alerts,
and 'Kontakt aufnehmen' with the person's consent (bot.ads holds the use cases)."""

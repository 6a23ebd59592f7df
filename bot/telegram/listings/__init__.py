"""A listing's details and the Merkliste (favourites)."""

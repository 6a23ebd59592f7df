"""Search in the chat: free text, result pages, refinements, place questions and shared locations."""

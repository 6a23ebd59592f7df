"""Privacy: what is stored, the data export and deleting everything."""

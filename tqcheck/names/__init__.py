"""Name mentions, comparison keys, variant clusters and canonical spellings."""

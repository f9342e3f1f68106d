"""Data files (word lists, gazetteers); see `sco_cli.lexicon` for their format."""

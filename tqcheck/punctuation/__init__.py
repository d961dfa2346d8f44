"""Quotation marks and punctuation: locale conventions, one scan per paragraph, the defects."""

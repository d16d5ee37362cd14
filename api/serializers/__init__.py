"""What the API answers: field names in English, stable, documented; dates in ISO 8601."""

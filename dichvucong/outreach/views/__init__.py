"""Pages of the outreach campaign (staff only; nothing here is public)."""

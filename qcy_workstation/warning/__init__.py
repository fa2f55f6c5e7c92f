"""Early warning for enterprises' R&D, trade, investment and technology-transfer projects."""

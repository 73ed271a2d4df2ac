"""voorzorg: software for Voorzorgcirkels (neighbourhood care circles)."""

__version__ = "0.1.0"

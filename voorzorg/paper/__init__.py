"""Printed documents (PDF, A4, large type, Dutch): the phone list, "wie doet wat", the
intake form, the month poster and emergency cards. ``documents`` makes them as bytes;
``layout`` is the shared page (font, footer). fpdf2 is imported only here."""

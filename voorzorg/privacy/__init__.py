"""The rights of members over their data, and the data's lifecycle (GDPR).

``export.py`` access and portability (JSON against ``member-export.schema.json`` and a
readable Dutch document), ``erase.py`` erasure and removal of a mistaken entry,
``purge.py`` the retention policy, ``processing.py`` the register of processing
activities (Art. 30). They combine the core (``domain/``, ``deploy/``) with the
integrations' ``privacy_*`` hooks, so every integration's data is included.
"""

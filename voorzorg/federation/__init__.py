"""City-wide figures across community centres (a federation of deployments).

A centre's deployment signs its statistics releases with its own Ed25519 key and drops
them as bundles in an S3-compatible bucket (or on a USB stick); a hub deployment
collects them, verifies every signature against the keys it trusts, pools sensitive
topics across centres under the same rules and auditor as ``voorzorg.stats``, and
serves the result with the welfare dashboards. The design and its limits are in
``docs/federation.md``.

``keys`` the deployment's signing key and its fingerprint; ``bundle`` the signed bundle
format; ``objectstore`` a small S3 client (Signature V4 over the standard library);
``publish`` what a centre sends; ``hubdb`` the hub's record of trusted keys and accepted
bundles; ``hub`` collecting and verifying; ``city`` the city-level stats.db and its
audit across centres.
"""

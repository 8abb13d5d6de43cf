"""Validates the platform's threat-intelligence exports with the community's own libraries.

    intel_check.py stix FILE TLP   a STIX 2.1 bundle: parsed by OASIS's `stix2` with
                                   allow_custom=False (patterns, vocabularies and properties
                                   checked), every object but the marking definitions marked with
                                   the TLP 2.0 marking definition of TLP (or CLEAR for the
                                   identity; `any`: one TLP 2.0 marking each), each
                                   SCO's id the one `stix2` derives itself
    intel_check.py misp FILE       a MISP event loaded by PyMISP's MISPEvent, every attribute's
                                   type allowed in its category

Prints a JSON summary on success (object types and counts, tags); exits 1 with the reason
otherwise. `cargo xtask test` installs stix2 and pymisp into the tests' virtual environment.
"""

import json
import sys

TLP2 = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


def fail(why):
    print(why, file=sys.stderr)
    sys.exit(1)


def check_stix(path, tlp):
    import stix2

    with open(path, encoding="utf-8") as f:
        raw = f.read()
    bundle = stix2.parse(raw, allow_custom=False)
    counts = {}
    for obj in bundle.objects:
        counts[obj.type] = counts.get(obj.type, 0) + 1
        if obj.type == "marking-definition":
            if obj.id not in TLP2.values():
                fail(f"unexpected marking definition {obj.id}")
            continue
        marks = list(obj.get("object_marking_refs", []))
        if tlp == "any":
            if len(marks) != 1 or marks[0] not in TLP2.values():
                fail(f"{obj.id} is marked {marks}, not with one TLP 2.0 marking")
        else:
            expected = TLP2["clear"] if obj.type == "identity" else TLP2[tlp]
            if marks != [expected]:
                fail(f"{obj.id} is marked {marks}, not {expected}")
        rebuilt = None
        if obj.type in ("url", "domain-name", "ipv4-addr", "ipv6-addr"):
            rebuilt = stix2.parse({"type": obj.type, "spec_version": "2.1", "value": obj.value}, allow_custom=False)
        elif obj.type == "file":
            rebuilt = stix2.File(hashes=dict(obj.hashes))
        if rebuilt is not None and rebuilt.id != obj.id:
            fail(f"{obj.id}: stix2 derives {rebuilt.id} for the same SCO")
    print(json.dumps({"types": counts}))


def check_misp(path):
    from pymisp import MISPAttribute, MISPEvent

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    event = MISPEvent()
    event.load(data)
    mappings = MISPAttribute().describe_types["category_type_mappings"]
    for a in event.attributes:
        if a.type not in mappings.get(a.category, []):
            fail(f"attribute {a.value}: type {a.type} is not allowed in category {a.category}")
    print(json.dumps({
        "info": event.info,
        "tags": [t.name for t in event.tags],
        "attributes": [{"type": a.type, "value": a.value, "to_ids": a.to_ids} for a in event.attributes],
        "distribution": int(event.distribution),
    }))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "stix":
        check_stix(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "misp":
        check_misp(sys.argv[2])
    else:
        fail(__doc__)

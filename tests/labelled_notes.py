"""Small labelled closure-note sets for tests, built from parts whose labels we know.

Each note is made of the parts of the six KCS criteria it should meet (a symptom,
where, the cause, repeatable steps, a check, a follow-up), in English, German or
Spanish, so its criterion labels are known by construction and its 1-5 grade
follows the labelling guide (one criterion is a 2, all six a 5). The set is
written as closure-note batches (``batch-*.jsonl``) that `kbassist train
--from-closure-notes` reads. Deterministic: the seed fixes every choice.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

CRITERIA = ("problem", "environment", "cause", "steps", "verification", "followup")

PARTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "problem": [
            "User saw 'Cannot start Microsoft Outlook' at launch.",
            "Printer showed error 0x{n:04X} and jobs stuck in the queue.",
            "VPN dropped every few minutes with error 809.",
            "Teams showed the sign-in box again and again.",
        ],
        "environment": [
            "LAPTOP-ACME{n}, Windows 11 23H2, Outlook 2021, one user in Finance.",
            "HP LaserJet M404 at the Leeds branch, whole office affected.",
            "FortiClient 7.2 on SRV-APP{n}, three remote users.",
        ],
        "cause": [
            "Cause: corrupt OST file after a disk-full event.",
            "The cause was an expired certificate on the gateway.",
            "Root cause: a stale cached credential; other users fine, so not the server.",
        ],
        "steps": [
            "Renamed %localappdata%\\Microsoft\\Outlook\\user.ost and rebuilt the profile "
            "via Control Panel > Mail > Show Profiles.",
            "Ran gpupdate /force, removed the printer and re-added it by IP 10.0.4.{n}.",
            "Renewed the certificate under VPN > SSL-VPN Settings and restarted the service.",
        ],
        "verification": [
            "Test e-mail sent and received; user confirmed it works.",
            "Printed a test page successfully.",
            "Connected for an hour with no drops; user confirmed.",
        ],
        "followup": [
            "Wrote KB-{n} with the fix and added a disk-space monitor.",
            "Scheduled a check next Monday and linked KB-0{n}.",
            "Added an expiry alert 30 days before renewal.",
        ],
        "filler": ["Closing.", "Thanks.", "Done."],
    },
    "de": {
        "problem": [
            "Benutzer bekam die Fehlermeldung 'Zugriff verweigert' beim Öffnen des Laufwerks.",
            "Drucker zeigte Fehler 0x{n:04X}, Aufträge blieben hängen.",
        ],
        "environment": [
            "PC-BUERO{n}, Windows 10 22H2, Buchhaltung, zwei Mitarbeiter.",
            "Brother MFC-L8900 in der Filiale München.",
        ],
        "cause": [
            "Ursache: abgelaufenes Zertifikat auf dem Server.",
            "Die Ursache war ein falscher DNS-Eintrag.",
        ],
        "steps": [
            "Zertifikat unter Einstellungen > Sicherheit erneuert und den Dienst neu gestartet.",
            "DNS-Eintrag korrigiert und ipconfig /flushdns ausgeführt.",
        ],
        "verification": [
            "Testdruck erfolgreich, Benutzer hat bestätigt.",
            "Getestet: funktioniert wieder, vom Benutzer bestätigt.",
        ],
        "followup": [
            "Anleitung KB-{n} dokumentiert und Überwachung eingerichtet.",
            "Erinnerung für die Verlängerung geplant.",
        ],
        "filler": ["Ticket geschlossen.", "Erledigt."],
    },
    "es": {
        "problem": [
            "El usuario veía el error 'Acceso denegado' al abrir la carpeta.",
            "La impresora mostraba el error 0x{n:04X} y no imprimía.",
        ],
        "environment": [
            "Portátil PC-VENTAS{n}, Windows 11, departamento de ventas.",
            "Impresora HP M404 en la oficina de Madrid.",
        ],
        "cause": [
            "Causa: el certificado del servidor estaba caducado.",
            "La causa era un permiso incorrecto en la carpeta.",
        ],
        "steps": [
            "Renové el certificado en Configuración > Seguridad y reinicié el servicio.",
            "Corregí el permiso con icacls y ejecuté gpupdate /force.",
        ],
        "verification": [
            "Página de prueba impresa correctamente; el usuario lo confirmó.",
            "Probado: ya funciona, confirmado por el usuario.",
        ],
        "followup": [
            "Documenté el procedimiento en KB-{n} y configuré una alerta.",
            "Programado un recordatorio para la renovación.",
        ],
        "filler": ["Cerrado.", "Resuelto."],
    },
}


def labelled_note(rng: random.Random, n: int, language: str = "en") -> dict[str, object]:
    """One note with a random subset of the criteria's parts, its labels and its grade."""
    parts = PARTS[language]
    present = {name: rng.random() < 0.55 for name in CRITERIA}
    if not any(present.values()):
        present[rng.choice(CRITERIA)] = True
    sentences = [rng.choice(parts[name]).format(n=n) for name in CRITERIA if present[name]]
    if rng.random() < 0.4:
        sentences.append(rng.choice(parts["filler"]))
    met = sum(present.values())
    grade = 1 + min(4, met if met < 6 else 4) if met > 1 else 2
    return {
        "id": f"{language}-{n}",
        "note": " ".join(sentences),
        "labels": {**{name: int(present[name]) for name in CRITERIA}, "secret": 0},
        "overall": min(5, grade),
    }


def write_labelled_notes(
    folder: Path, batches: int = 3, per_batch: int = 24, seed: int = 0
) -> Path:
    """Write ``batches`` closure-note batches of labelled notes to folder; returns it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(batches):
        letter = "abcdefgh"[index]
        rows = []
        for n in range(per_batch):
            language = "en" if n % 4 else ("de" if n % 8 == 0 else "es")
            rows.append(labelled_note(rng, index * 100 + n, language))
        text = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"
        (folder / f"batch-{letter}.jsonl").write_text(text, encoding="utf-8")
    return folder

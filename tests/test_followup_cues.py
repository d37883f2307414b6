"""The follow-up cues against the labelling guide's settled cases, in all seven languages.

GUIDE.md (closure_notes): a KB article used is follow-up; a vendor's, duplicate's or
change's number is a hand-off pointer, but "vendor case opened" without a number is not;
boilerplate ("let us know if it happens again") is not; a scheduled check or monitoring
is. Each case is written here in English and the six other languages the model reads
(not taken from the labelled notes).
"""

from __future__ import annotations

import pytest

from kbassist.quality.cues import cue_values

# case -> language -> note; the guide says each meets follow-up.
MEETS: dict[str, dict[str, str]] = {
    "kb": {
        "en": "Followed KB-0188 for the OST rebuild.",
        "de": "Nach KB-0188 das OST neu aufgebaut.",
        "es": "Seguí el artículo KB-0188 para reconstruir el OST.",
        "fr": "Suivi l'article KB-0188 pour reconstruire l'OST.",
        "nl": "KB-0188 gevolgd om de OST opnieuw op te bouwen.",
        "pt": "Seguido o artigo KB-0188 para reconstruir o OST.",
        "it": "Seguito l'articolo KB-0188 per ricostruire l'OST.",
    },
    "handoff": {
        "en": "Logged with the vendor, case 02938475; closing ours.",
        "de": "Beim Hersteller gemeldet, Fall 02938475; unser Ticket geschlossen.",
        "es": "Abierto con el proveedor, caso 02938475; cerramos el nuestro.",
        "fr": "Ouvert chez l'éditeur, cas 02938475 ; on ferme le nôtre.",
        "nl": "Gemeld bij de leverancier, zaak 02938475; onze melding gesloten.",
        "pt": "Aberto com o fornecedor, chamado 02938475; fechamos o nosso.",
        "it": "Aperta con il fornitore, pratica 02938475; chiudiamo la nostra.",
    },
    "duplicate": {
        "en": "Duplicate of #48211, closing.",
        "de": "Duplikat von #48211, geschlossen.",
        "es": "Duplicado de #48211, cerrado.",
        "fr": "Doublon de #48211, fermé.",
        "nl": "Duplicaat van #48211, gesloten.",
        "pt": "Duplicado de #48211, fechado.",
        "it": "Duplicato di #48211, chiuso.",
    },
    "change": {
        "en": "Firewall rule added under change CHG-2291.",
        "de": "Regel unter Change CHG-2291 hinzugefügt.",
        "es": "Regla añadida con el cambio CHG-2291.",
        "fr": "Règle ajoutée sous le changement CHG-2291.",
        "nl": "Regel toegevoegd onder wijziging CHG-2291.",
        "pt": "Regra adicionada na mudança CHG-2291.",
        "it": "Regola aggiunta con la modifica CHG-2291.",
    },
    "schedule": {
        "en": "Scheduled a check with the user on Friday and added a disk monitor.",
        "de": "Kontrolle mit dem Benutzer am Freitag geplant, Festplattenüberwachung eingerichtet.",
        "es": "Programada una revisión el viernes y añadida una alerta de disco.",
        "fr": "Contrôle planifié vendredi avec l'utilisateur, surveillance du disque ajoutée.",
        "nl": "Controle gepland op vrijdag, schijfbewaking ingesteld.",
        "pt": "Verificação agendada para sexta-feira e alerta de disco adicionado.",
        "it": "Controllo pianificato per venerdì e aggiunto un monitoraggio del disco.",
    },
}
# Features v6: the guide's "a next step if it recurs" and "a KB article ... updated" as
# shapes (``recur_next``, ``record_update``), in the seven languages.
NEXT_STEPS: dict[str, str] = {
    "en": "Swapped the toner. If it streaks again, replace the drum unit.",
    "de": "Toner getauscht. Falls es wieder streift, die Trommel ersetzen.",
    "es": "Cambiado el tóner. Si vuelve a manchar, sustituir el tambor.",
    "fr": "Toner changé. Si cela recommence, remplacer le tambour.",
    "nl": "Toner vervangen. Als het weer strepen geeft, de drum vervangen.",
    "pt": "Toner trocado. Se voltar a manchar, substituir o tambor.",
    "it": "Toner sostituito. Se si ripresenta, sostituire il tamburo.",
}
RECORDS: dict[str, str] = {
    "en": "Licence register updated.",
    "de": "Inventar in IT Glue aktualisiert.",
    "es": "Inventario actualizado en IT Glue.",
    "fr": "Inventaire mis à jour dans IT Glue.",
    "nl": "Configbackup opgeslagen in IT Glue.",
    "pt": "Inventário atualizado no IT Glue.",
    "it": "Inventario aggiornato in IT Glue.",
}
# case -> language -> note; the guide says none of these is follow-up.
MISSES: dict[str, dict[str, str]] = {
    "vendor_no_number": {
        "en": "Vendor case opened, closing.",
        "de": "Fall beim Hersteller eröffnet, geschlossen.",
        "es": "Caso abierto con el proveedor, cerrado.",
        "fr": "Cas ouvert chez l'éditeur, fermé.",
        "nl": "Zaak geopend bij de leverancier, gesloten.",
        "pt": "Chamado aberto com o fornecedor, fechado.",
        "it": "Pratica aperta con il fornitore, chiuso.",
    },
    "boilerplate": {
        "en": "Sorted the issue. Let us know if it happens again!",
        "de": "Problem behoben. Bitte melden Sie sich, falls es erneut auftritt.",
        "es": "Problema resuelto. Si vuelve a pasar, no dude en contactarnos.",
        "fr": "Problème réglé. Si cela se reproduit, n'hésitez pas à nous contacter.",
        "nl": "Probleem opgelost. Laat het ons weten als het opnieuw gebeurt.",
        "pt": "Problema resolvido. Se acontecer de novo, entre em contato.",
        "it": "Problema risolto. Se si ripresenta, non esiti a contattarci.",
    },
    "boilerplate_after": {
        "en": "Sorted. If it happens again, please reply to this email.",
        "de": "Erledigt. Falls erneut, bitte melden.",
        "es": "Resuelto. Si se repite, avísenos.",
        "fr": "Réglé. Si le problème revient, contactez-nous.",
        "nl": "Opgelost. Als het opnieuw gebeurt, laat het ons weten.",
        "pt": "Resolvido. Se voltar a acontecer, avise-nos.",
        "it": "Risolto. Se dovesse ripetersi, fateci sapere.",
    },
}
POINTERS = ("handoff", "duplicate", "change")


def _cases(table: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    return [(case, lang, text) for case, langs in table.items() for lang, text in langs.items()]


@pytest.mark.parametrize(("case", "lang", "note"), _cases(MEETS))
def test_the_guides_follow_up_cases_are_cues_in_every_language(
    case: str, lang: str, note: str
) -> None:
    values = cue_values(note)
    assert values["followup_any"] == 1.0
    if case in POINTERS:
        # A reference word before its number: the hand-off pointer itself.
        assert values["handoff"] > 0
    if case == "schedule":
        assert values["followup_words"] > 0


@pytest.mark.parametrize(("case", "lang", "note"), _cases(MISSES))
def test_what_the_guide_says_is_not_follow_up_gives_no_cue(case: str, lang: str, note: str) -> None:
    values = cue_values(note)
    assert values["followup_any"] == 0.0
    assert values["followup_words"] == 0.0 and values["handoff"] == 0.0
    assert values["recur_next"] == 0.0 and values["record_update"] == 0.0


@pytest.mark.parametrize(("lang", "note"), sorted(NEXT_STEPS.items()))
def test_a_next_step_if_it_recurs_is_a_cue_in_every_language(lang: str, note: str) -> None:
    assert cue_values(note)["recur_next"] > 0


@pytest.mark.parametrize(("lang", "note"), sorted(RECORDS.items()))
def test_a_record_written_to_is_a_cue_in_every_language(lang: str, note: str) -> None:
    assert cue_values(note)["record_update"] > 0


def test_a_record_only_read_from_or_a_spanish_again_is_no_follow_up_shape() -> None:
    assert cue_values("Re-entered the password from IT Glue.")["record_update"] == 0
    assert cue_values("El equipo se reinició de nuevo y funciona.")["recur_next"] == 0
    assert cue_values("Let us know if it happens again.")["recur_next"] == 0
    # The ticket a note points to by its number ("T-61502"), as the desk writes it.
    assert cue_values("Ticket T-61502 raised to re-test the leads.")["handoff"] > 0


def test_a_next_step_if_it_recurs_is_follow_up_unless_boilerplate_follows() -> None:
    step = cue_values("If it comes back, check the sharing invite was accepted in OWA.")
    assert step["followup_words"] > 0
    reply = cue_values("If it comes back, please let us know.")
    assert reply["followup_words"] == 0
    # A clause break between them: the step stands, the boilerplate is its own sentence.
    both = cue_values("Added a disk alert. If it comes back we replace the drive. Let us know.")
    assert both["followup_words"] > 0


def test_a_numbered_reference_in_one_token_is_a_hand_off_but_a_host_name_is_not() -> None:
    assert cue_values("Logged CHG-2291 to move the scanners to a relay.")["handoff"] > 0
    assert cue_values("Reimaged LT-CL-03 and PC-REC-01.")["handoff"] == 0
    # The ticket's own number in a footer, or in boilerplate, points nowhere.
    assert cue_values("Fixed.\nTicket #55123 - Status: Closed")["handoff"] == 0
    assert cue_values("Reply quoting this reference 48211 if needed.")["handoff"] == 0


def test_a_kb_article_by_number_is_a_pointer_but_a_windows_update_is_not() -> None:
    assert cue_values("Followed KB-0188 for the rebuild.")["kb_pointer"] > 0
    assert cue_values("Installed KB5034441 and rebooted.")["kb_pointer"] == 0


def test_a_floor_holds_up_the_notes_its_cue_marks_at_the_learnt_rate() -> None:
    import numpy as np

    from kbassist.quality.classifier import FLOORS, floored, gate_floor
    from kbassist.quality.features import HANDCRAFTED_NAMES

    column = HANDCRAFTED_NAMES.index("handoff")
    X = np.zeros((10, len(HANDCRAFTED_NAMES)))
    X[:6, column] = 1.0
    y = np.array([1, 1, 1, 1, 1, 0, 0, 1, 0, 0])
    assert gate_floor(X, y, "handoff") == (5 + 1) / (6 + 2)
    held = floored(np.full(10, 0.1), X, {"handoff": 0.75})
    assert held.tolist() == [0.75] * 6 + [0.1] * 4
    # Too few notes carry the cue: the floor holds nothing up.
    assert gate_floor(X[4:], y[4:], "handoff") == 0.0
    assert FLOORS["followup"] == ("kb_pointer", "handoff", "recur_next", "record_update")


def test_only_the_follow_up_model_reads_the_follow_up_cues() -> None:
    from kbassist.quality.classifier import FOLLOWUP_NAMES, criterion_columns
    from kbassist.quality.features import HANDCRAFTED_NAMES

    cues = {HANDCRAFTED_NAMES.index(name) for name in FOLLOWUP_NAMES}
    assert cues <= set(criterion_columns("followup").tolist())
    for name in ("problem", "environment", "cause", "steps", "verification"):
        assert not cues & set(criterion_columns(name).tolist())


@pytest.mark.parametrize(
    "note",
    [
        "Email test - delivered.",
        "Zustellung geprüft: zugestellt.",
        "Los mensajes llegan de nuevo.",
        "Message de test livré.",
        "Testmail afgeleverd.",
        "Sincronização concluída.",
        "Mail di prova consegnata.",
    ],
)
def test_a_result_recorded_as_a_state_is_a_verification_cue(note: str) -> None:
    assert cue_values(note)["verify_state"] > 0


@pytest.mark.parametrize(
    "note",
    [
        "Reset the code. She got in.",
        "Konto entsperrt, konnte sich anmelden.",
        "Cuenta desbloqueada. Entró sin problema.",
        "Compte débloqué, session ouverte avec elle.",
        "Account ontgrendeld, kon inloggen.",
        "Conta desbloqueada. Entrou e mudou a senha.",
        "Account sbloccato, ha fatto l'accesso.",
        "Backup monitor went green after the manual run.",
        "O monitor ficou verde depois da execução manual.",
        "Manual run uploaded 2.1 GB, exit 0.",
        "Installato AutoCAD. Si apre correttamente.",
    ],
)
def test_a_sign_in_or_a_monitor_gone_green_is_a_verification_cue(note: str) -> None:
    assert cue_values(note)["verify_state"] > 0


def test_a_hoped_for_state_is_not() -> None:
    assert cue_values("It should be delivered by tomorrow.")["verify_state"] == 0

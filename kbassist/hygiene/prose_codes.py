"""Numeric codes in prose: "the gate keypad ... new code 66390", "your code is 517 208".

Door, gate, keypad, alarm and safe codes, PUKs and one-time codes, found by the place or
the purpose the sentence names around them rather than by a keyword right before the
value (moved out of :mod:`kbassist.hygiene.secret_detectors` in session 9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded, kept_matches


def sentence_around(text: str, position: int, reach: int = 300) -> tuple[int, int]:
    """Bounds of the sentence (or line) around a position, at most reach characters each way."""
    low = max(0, position - reach)
    high = min(len(text), position + reach)
    start = max(text.rfind("\n", low, position), text.rfind(". ", low, position))
    start = low if start == -1 and low > 0 else start + 1
    ends = [
        i for i in (text.find("\n", position, high), text.find(". ", position, high)) if i != -1
    ]
    return start, min(ends) if ends else high


# --- codes in prose: "the gate keypad ... new code 66390", "your code is 517 208" -----------

_OPENING_CODE = r"(?:öffnungs|zugangs|toegangs|\w*(?:tür|tor|alarm|tresor|deur|kluis|safe))-?code"
PLACE_WORDS = re.compile(
    r"(?i)\b(?:door|gate|keypad|alarm|safe|lock-?box|key\s?safe|padlock|entry|entrance|building"
    r"|shutter|garage|cabinet|tür|tor|alarmanlage|puerta|portón|alarma|porte|alarme|deur|poort"
    r"|porta|portão|cancello|allarme|\w+deur|\w+tür|(?:hof|werks|einfahrts|garagen|lager)tor"
    # compounds (Hintertür; Hoftor: s. 35); safes, padlocks, gates (s. 6); barriers (s. 35)
    r"|coffre(?:-fort)?|cadenas|portail|tresors?|vorhängeschloss|caja\s+fuerte|candado|kluis"
    r"|hangslot|hek|cofre|cadeado|cancela|cassaforte|lucchetto|portone|set/unset|texecom|pyronix"
    # disarming names the alarm: "código de desarme", "code de désarmement" (session 7)
    r"|disarm\w*|desarm\w*|désarm\w*|unscharf\w*|disinser\w*|uitschakel\w*"
    r"|\w+tresor\w*|\w+kluis(?:je)?|barriers?|\w*schranke|sbarra|barrera|barri[èe]re|slagboom"
    r"|zahlenschloss|kombinationsschloss|cijferslot|combinatieslot|sleutelkast\w*"  # s. 16, 35
    r"|tastier(?:in)?[oa]|teclado|clavier|toetsenbord|tastatur|tastenfeld|codeschloss|\w*eingang"
    r"|bo[îi]te\s+à\s+clés?"  # a keypad, a code lock, an entrance, a key box (session 17)
    # an electronic lock: "la cerradura electrónica del aula ... el código 94688" (session 28)
    r"|cerradura|serrure|serratura|fechadura|elektronisches\s+schloss|elektronisch\s+slot"
    # an alarm panel: "la central Ajax", "centrale Bentel" (session 16)
    r"|centrale|(?-i:central\s+(?:de\s+alarma|[A-Z]\w+))"
    r"|alarm(?:centrale|systeem|paneel|zentrale|panel)|inbraak\w*|einbruch\w*)\b"  # session 12
    r"|\b(?:showers?|douches?|duschen|duchas|docce|sanitaires|washrooms?|toilets?)\b"  # s. 34
    rf"|\b{_OPENING_CODE}\b"  # a compound naming what it opens: Türcode, toegangscode (s. 10)
)
_PLACE_CODE = guarded(
    r"(?i)\b(?:code|pin|combination|combo|code\s+number|pin\s+code|code\s+pin|nummer|número"
    r"|(?:zahlen)?kombination|combinazione|combinaci[óo]n|combinatie|override"  # (session 30)
    rf"|numéro|codice|código|codigo|clave|ersatz-?code|{_OPENING_CODE})\b"  # Ersatzcode: s. 33
    r"(?:,?[ \t]+(?:is|was|now|to|set|changed|reprogrammed|which"  # ", which stays" (s. 35)
    r"|reset|updated|:|=|-|ist|es|est|é|è|still|remains|stays|again"
    r"|neu|gesetzt|geändert|auf|lautet|jetzt|nieuw|ingesteld|op)){0,3}"
    # of what, when PLACE_WORDS names it: "código de puerta 3#8815" (session 10)
    r"(?:[ \t]+(?:de|du|da|do|di|del|della|van)(?:[ \t]+(?:la|el|het|il))?[ \t]+[^\W\d_]{3,15}"
    # or before "new": "código de usuario nuevo 5521" (session 14)
    r"(?=[ \t]*(?:\d|(?:new|nuevo|nueva|novo|nova|nuovo|nuova|nouveau|nouvelle|neue?r?|nieuwe?)"
    r"\b)))?"
    # whose code it is, in a word or two, or the old code in brackets: "code adhérents 2580B,
    # code ménage 7713A. L'ancien code (1234A)" (session 9)
    r"(?:[ \t]+(?!(?:in|on|at|for|from|since|of|and|or|the|with|until|by|than|per|und|und"
    r"|von|seit|bis|de|du|des|en|et|el|la|los|las|del|van|het|een|sinds|tot|da|do|di|il|dal"
    r"|della|que|qui|che)\b)(?-i:[a-zà-ÿ]{3,15})){0,2}[ \t]*\(?"
    # digits, pairs ("06 48 22 19") or keys typed one by one ("2-9-0-6-#", "8 1 6 3"); not a
    # phone in five pairs ("zijn zakelijke nummer blijft 06 41 27 93 58"; session 29, blind209)
    r"[ \t]*[:=]?[ \t]*(?!0\d(?: \d\d){4}\b)"
    r"(?P<value>(?=[A-D\d]*\d[A-D\d]*\d[A-D\d]*\d)\d[A-D\d]{3,9}(?=[\s.,;)]|$)"
    r"|[#*]?\d{3,10}[#*]?|\d{2}(?: \d{2}){2,4}|\d{2}(?:-\d{2}){2,4}|(?:\d[-#]){3,9}[\d#*]"
    r"|\d{1,3}[#*]\d{3,8}"  # "código de puerta 3#8815" (session 10)
    r"|(?:\d[ \t]){3,9}\d)"
    # (not a phone's first group: "het algemene nummer 040 242 8629"; session 30, blind221 read)
    r"(?![\w.,/:-]\w|[ \t]\d{3}[ \t]\d{3,4}\b)"
)
# "the alarm code for the back shed is 2 7 7 4": a few words between the code and "is", and
# keys read out one by one with spaces (a voicemail transcript; session 6).
# "the out-of-hours override is 0420#", "el código de usuario es 5092" (session 9)
# a code set again, the keypad named a sentence before: "Strongroom keypad ... was still on the
# code from before the office move. ... changed it to 30353" (session 28, blind200 read)
_SET_IT_TO = guarded(
    r"(?i)\b(?:changed|set|reset|reprogrammed)\s+it\s+to\s+(?P<value>\d{4,8}#?)(?![\w.,/:-]\w)"
)
# a badge's, a fob's or a card's number is no code (session 28), nor a case's ("Case bij de
# leverancier aangemaakt, nummer 70688585"; session 32, blind283 read)
_BADGE_OR_CASE_BEFORE = re.compile(
    r"(?i)\b(?:badge|fob|card|carte|tarjeta|karte|kaart|tessera)\W{0,3}$"
    r"|\b(?:case|ticket|zaak|caso|processo|chamado|dossier)\b[^.\n]{0,40},[ \t]*$"
)
_PLACE_CODE_IS = re.compile(
    r"(?i)(?=[cpo])\b(?:code|pin|override|c[óo]digo|codice|clave)\b(?P<between>[^.\n:\d]{1,60}?)"
    r"\b(?:is|was|now|ist|es|est|é|è"
    # "codice della cassaforte dove teniamo il NAS cambiato in 40917" (session 9)
    r"|changed\s+to|set\s+to|cambiat[oa]\s+(?:in|a)|impostat[oa]\s+(?:a|su)|cambiad[oa]\s+a"
    r"|geändert\s+(?:auf|in)|gewijzigd\s+(?:in|naar)|changée?\s+(?:en|à)|alterad[oa]\s+para"
    r"|mudad[oa]\s+para)"
    r"[ \t]+(?P<value>\d{3,10}#?|(?:\d[ \t]){3,9}\d)(?![\w.,/:-]\w)"
)
# "keypad on back door set to 8842 for staff": a keypad or lock set to digits (session 9)
_PLACE_SET_TO = guarded(
    r"(?i)\b(?:keypad|key\s?pad|door\s+lock|keysafe|key\s+safe|lockbox|padlock|safe"
    # "door: gantner reader, late-night entry for member 00412 reset to 558203" (session 15)
    r"|door|gate|entry)\b"
    r"[^.\n:]{0,40}?\b(?:set|changed|reset|reprogrammed)\s+to\s+(?P<value>\d{4,8}#?)"
    r"(?![\w.,/:-]\w)"
)
# "Got the PUK from the EE business portal (48213907)": a SIM's PUK is eight digits, given
# anywhere in the sentence that names it.
_PUK = guarded(r"\bPUK\d?\b[^.\n]{0,60}?(?<![\d-])(?P<value>\d{8})(?![\d-])")
# "Error code 50126": the codes a system reports, not ones that open anything.
_REPORTED_CODE = guarded(
    r"(?i)\b(?:error|event|status|exit|return|response|http|fault|reason|result|product|zip"
    r"|postal|post|area|country|sort|tax|promo|discount|tracking|bar|qr|source|dial|stop|fehler"
    r"|activation|authori[sz]ation|reference"
    # a register's number: "KvK-nummer 34127788", "BTW-nummer" (session 9)
    r"|kvk|btw|vat|ust|klant|factuur|order|artikel|handelsregister|registration|company"
    # a card terminal's merchant number: "Código de comerciante 1048227" (session 14)
    r"|merchant|comerciante|commerçant|händler|esercente|handelaar|terminal)[\s-]*$"
)
# "front door 1904#": a keypad code entered with '#', right after the door it opens.
_HASH_CODE = re.compile(
    r"(?i)(?=[dgekas])"  # the first letters of the words below: see _PASSWORD_TOPIC
    r"\b(?:door|gate|entrance|entry|keypad|alarm|safe|shutter|garage)\s+(?P<value>\d{3,8})#"
)
# "use 3018 on the keypad", "enter 4471# at the side door": a code typed where it opens.
_KEYPAD_ENTRY = re.compile(
    r"(?i)(?=[uetpk])"  # the first letters of the words below: see _PASSWORD_TOPIC
    r"\b(?:use|enter|type|press|punch(?:\s+in)?|key(?:\s+in)?|tap(?:\s+in)?)\s+"
    r"(?P<value>\d{3,10})[#*]?\s+(?:on|at|into|in|to)\s+(?:the\s+)?(?:[\w-]{1,20}\s+)?"
    r"(?:keypad|key\s?pad|panel|door|gate|alarm|lock|entrance|entry|shutter|safe)s?\b"
)
# "read the code out to him from the shared mailbox: 481 206": a one-time code after a colon
# in a clause about a code.
_CODE_AFTER_COLON = guarded(
    r"(?i)\b(?:code|otp|2fa|mfa|passcode|verification|one-time|código|codice|bestätigungscode"
    r"|kopplungscode|pairing\s+code|freischaltcode|zugangscode|koppelcode)"
    # (not an error's: "Codice errore: 500121", "Code d'erreur : 500121"; session 28)
    r"\b(?![ \t]+(?:d['’][ \t]?|de[ \t]+|di[ \t]+)?(?:errore?|erreur|error|erro|fehler)\b)"
    r"[^.\n:]{0,60}(?::[ \t]*|,[ \t]+(?=(?:\d{3}[ -]\d{3}|\d{6}),[ \t]))"
    r"(?P<value>\d{3}[ -]\d{3}|\d{6})(?![\w.,/:-]\w)"
)
# (or set off by commas: "read me the code she'd been sent, 615 082, and", "codice utente
# sulla centrale Bentel, 735901, solo area"; session 16)
# "code du coffre : 28 47 19", "código de desarme do alarme: 6072": the code of a named place,
# then a colon. The place word is checked on the words between (PLACE_WORDS).
# A code set off by commas right after its word, in a sentence naming a door, gate or alarm (s. 16)
# Or after the place it opens, then the comma: "il codice della porta laterale, 4817 seguito da
# cancelletto", "le code de l'alarme du local technique, 2281, à changer" (session 17)
_CODE_SET_OFF = guarded(
    r"(?i)\b(?:code|pin|c[óo]digo|codice|combinati[eo]n?|combinaison|combinación|combinazione"
    r"|kombination)(?:[ \t]+[^\W\d_][\w'’]*){0,5}[ \t]*,[ \t]+"
    r"(?P<value>\d{4,8})(?=,[ \t]|[ \t]+(?:seguito|suivi|gefolgt|followed|seguido|gevolgd"
    r"|then|puis|dann|luego|depois|poi|daarna)\b)"
)
# keys typed one by one: "8-1-5-3", "7 7 1 3"
_TYPED_KEYS_PATTERN = r"(?:\d-){3,9}[\d#*]|(?:\d[ \t]){3,9}\d"
_PLACE_CODE_AFTER_COLON = re.compile(
    r"(?i)(?=[cpnbgz])"  # the first letters of the words below: see _PASSWORD_TOPIC
    r"\b(?:code|codes|pin|combination|combinaison|combinación|combinazione|combinatie"
    r"|gebruikerscode|benutzercode|zugangscode|bedieningscode"  # (session 12)
    r"|códigos?|codigos?|codice|codici|nummer|numéro|número|numero)\b"
    # an initial's or a title's dot is not a sentence's: "a pedido da D. Teresa: 3 1 7 4 2 9"
    r"(?P<between>(?:[^.\n:]|(?<=\b[A-Z])\.|(?<=\b(?:Dr|Mr|Ms|Sr|St))\.|(?<=\bMme)\.){1,80}):"
    # the old one named first: "cambiado ...: antes 4418, ahora 9062" (session 9)
    r"[ \t]*(?:(?:antes|before|old|previously|vorher|voorheen|avant|prima|was)[ \t]+)?"
    # whose code, in a word: "Códigos de utilizador: gerente 5290, ..." (session 10)
    r"(?:(?P<role>(?-i:[a-zà-ÿ]{3,15}))[ \t]+)?"
    rf"(?P<value>(?-i:[A-Z])?\d{{3,10}}#?|\d{{2}}(?: \d{{2}}){{2,4}}|{_TYPED_KEYS_PATTERN})"
    r"(?![\w.,/:-]\w)"
)
_TYPED_KEYS = re.compile(_TYPED_KEYS_PATTERN)
# a sentence that opens with the code: "Le portail ... avec le digicode. ... Code remis en
# place : A1984." (session 12)
_OPENS_WITH_CODE = re.compile(r"(?i)[ \t\n]*(?:(?:new|nouveau|neuer|nieuwe|nuevo|novo|nuovo)\s+)?$")
_SET_BETWEEN = guarded(
    r"(?i)\b(?:remis|set|changed|reset|changé|modifié|défini|geändert|gesetzt|gewijzigd|ingesteld"
    r"|cambiado|puesto|alterado|definido|cambiato|impostato|re-?programmed)\b"
)
# the roles an alarm or access panel gives its codes, in the seven languages
PANEL_ROLE = guarded(
    r"(?i)\b(?:user|utente|usuario|utilisateur|gebruiker|benutzer|utilizador|master|maestro"
    r"|mestre|maître|installer|installatore|instalador|installateur|errichter|engineer"
    r"|titolare|propietario|propriétaire|eigenaar|inhaber|proprietário)\b"
)
# "Keypad on the comms cupboard now 2-4-6-8-1": keys typed one by one with dashes are a code
# wherever a door, keypad or alarm is named around them, with or without "code" (session 9)
_DASHED_KEYS = re.compile(r"(?<![\w-])(?:\d-){3,9}[\d#*](?![\w-])")
# "nouveau code du portail de livraison 4 9 1 7 B": keys typed with spaces, perhaps ending in
# a letter key, in a sentence that names both a code and a door or gate (session 9)
_SPACED_KEYS = re.compile(
    r"(?<![\w.,-])(?:\d[ \t]){3,9}\d(?:[ \t]?[#*]|[ \t][A-D])?(?![\w-]|[.,]\w)"
)
_CODE_WORD = guarded(r"(?i)\b(?:code|pin|combination|c[óo]digo|codice|clave|combinaison)\b")
_NUMBERED_THINGS = guarded(
    r"(?i)\b(?:ports?|parts?|steps?|slots?|bays?|lines?|pages?|rows?|levels?|floors?|units?"
    r"|rooms?|cores?|pairs?|channels?|drives?|disks?|sheets?|versions?|v)\W{0,3}$"
    # a machine's alarm in brackets: "'Laser not found' (alarm 1087)" (session 29, blind210)
    r"|\((?:alarm|alarme|allarme|alarma)[ \t]+$"
)
# "he read me the code 318 274": a code shown as two groups of three, or six digits, where
# the words around speak of a one-time or sign-in code (session 8).
_READ_OUT_CODE = guarded(
    r"(?i)\b(?:the|a|this|that)\s+(?:(?:6|six|8|eight)[- ]digit\s+)?(?:code|c[óo]digo|codice)"
    r"(?:\s+(?P<value>\d{3}[ -]\d{3}|\d{6})"
    # "it asked for the code and she read it out, 604 118" (s. 12): two groups of three later
    r"|\b[^.\n\d]{1,40}?[ ,:]\s*(?P<later>\d{3} \d{3}|\d{6}))"
    r"(?![\w.,/:-]\w)"
)
_ONE_TIME_WORDS = re.compile(
    r"(?i)one-time|\botp\b|\b2fa\b|\bmfa\b|verification|authenticator|sign-in\s+code"
    r"|\bsms\b|text\s+message"  # "stuck at the SMS step, code 418 227 came through" (session 14)
    r"|\bsign(?:ed|ing)?\s+in(?:to)?\b|\blog(?:ged|ging)?\s+in(?:to)?\b"
    r"|login\s+code|security\s+code|einmalcode|bestätigungscode|código\s+de\s+verificación"
    r"|code\s+de\s+vérification|verificatiecode|código\s+de\s+verificação|codice\s+di\s+verifica"
)
# "code 418 227 came through": the same without an article, where nothing reports it
_BARE_CODE = re.compile(
    r"(?i)\b(?:code|c[óo]digo|codice)\s+(?P<value>\d{3}[ -]\d{3}|\d{6})(?![\w.,/:-]\w)"
)
# A TOTP seed in groups of four: "Seed entered by hand: MZXW 6YTB OI4D KNRQ GE2T 7LVA" (base32:
# capitals and the digits 2-7; session 14), or whole, a clause after its word (session 19)
_SEED_GROUPS = guarded(
    r"(?i)\b(?:seed|totp\s+secret|secret\s+key|setup\s+key|otp\s+secret)\b[^.\n:]{0,120}[:\s]\s*"
    r"(?P<value>(?-i:[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,12}|(?=[A-Z]*[2-7])[A-Z2-7]{16,64}))(?![\w-])"
)
# A payment card's security code opens the card to whoever reads it (session 14).
_CARD_CODE = guarded(
    r"(?i)\b(?:cvv2?|cvc2?|card\s+(?:security|verification)\s+(?:code|value|number)"
    r"|cryptogramme|kartenprüfnummer|c[óo]digo\s+de\s+seguri?(?:dad|ança)\s+(?:de|do|da)\s+"
    r"(?:la\s+)?(?:tarjeta|cartão)|codice\s+di\s+sicurezza\s+della\s+carta)"
    r"\b[^.\n\d]{0,20}?(?<![\d-])(?P<value>\d{3,4})(?![\w.,/:-]\w)"
)
_CARD_WORDS = ("cvv", "cvc", "card", "crypto", "karte", "tarjeta", "cartão", "carta")
_PERSONAL_CODE = guarded(
    r"(?i)\b(?:your|her|his|their|the\s+user's|new|temp|temporary|one-time|login|sign-in"
    r"|verification|access)\s+(?:code|passcode|pin)\s+(?:is|was|:)\s*"
    r"(?P<value>\d{3,4}[ -]?\d{3,4}|\d{4,8})(?![\w.,/:-]\w)"
)
# "Medewerkers-pincode voor de bar ingesteld: 1111": a PIN compound, then a colon (session 9).
_PIN_AFTER_COLON = re.compile(
    r"(?i)(?<![\w-])(?:[\w-]{0,20}-)?(?:pin|pincode|pin-code|pinnummer|pin-nummer)\b"
    # a device's model may stand between: "... am Ricoh IM C3000 neu gesetzt: 5530" (session 10)
    r"(?![\s-]?(?:pad|length|policy|complexity|reset))[^.\n:]{0,100}?:[ \t]*"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# A PIN set or reset to a value, with where it lives in between: "reset voicemail pin on 3CX
# ext 204 (reception) to 0 5 8 8", and with the verb last, "Drucker-PIN für ihr Konto am Canon
# iR-ADV auf 3318 gesetzt" (session 10). The reader (keyword_scan) reads both forms since
# session 11; these two keep what it cannot: its keyword never follows a hyphen (the pin rule
# names no German or Dutch device, so "Drucker-PIN" is no keyword), and its pin policy takes
# one word of mixed digits, not keys typed one by one nor one digit repeated ("set SIM PIN back
# to 0000", which a PIN's mention "default PIN 0000" also looks like).
_UNREAD_PIN = re.compile(rf"{_TYPED_KEYS_PATTERN}|(?P<digit>\d)(?P=digit){{3,7}}")
_PIN_SET_LAST = re.compile(
    r"(?i)(?<![\w-])(?P<compound>[\w-]{0,20}-)?pin(?:-?code|-?nummer)?\b"
    r"(?![\s-]?(?:pad|length|policy|complexity|reset))[^.\n:]{0,80}?\b(?:auf|op)[ \t]+"
    rf"(?P<value>\d{{4,8}}|{_TYPED_KEYS_PATTERN})[ \t]+(?:neu[ \t]+)?"
    r"(?:gesetzt|geändert|zurückgesetzt|eingestellt|gezet|ingesteld|gewijzigd|veranderd)\b"
)
# the words that make a PIN a voicemail PIN, in the seven languages
VOICEMAIL = re.compile(r"(?i)voice-?\s?mail|\bvm\b|mailbox|sprachbox|buzón|messagerie")
# the verb after the PIN too: "vm pin for ext 204 reset to 9 3 1 1" (session 11)
_PIN_SET_TO = guarded(
    r"(?i)(?:\b(?:set|reset|changed?|updated?)\s+(?:[\w-]+\s+){0,3}?pin\b"
    r"(?![\s-]?(?:pad|length|policy|complexity|reset))[^.\n:]{0,80}?\bto"
    r"|\bpin\b(?![\s-]?(?:pad|length|policy|complexity))[^.\n:]{0,60}?"
    r"\b(?:set|reset|changed?|updated?)\s+(?:it\s+)?to)[ \t]+"
    rf"(?P<value>\d{{4,8}}|{_TYPED_KEYS_PATTERN})(?![\w.,/:-]\w)"
)
# "The voicemail PIN had been reset by the upgrade. Set his to 0452 in 3CX > Users", "Set it in
# 3CX > Users > 318 > Voicemail to 7063": a PIN named in the sentence before, then set by a
# pronoun (session 14)
_PRONOUN_SET_TO = re.compile(
    r"(?i)\bset\s+(?:it|his|hers|her|theirs|the\s+new\s+one)\b[^.\n]{0,60}?\bto[ \t]+"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# or set without a pronoun, in the other languages: "de pincode van de sleutelkluis ... gewijzigd.
# Na overleg ... ingesteld op 9389" (session 23)
_SET_ON = guarded(
    r"(?i)\b(?:(?:ingesteld|gezet|veranderd|gewijzigd)\s+(?:op|in|naar)"
    r"|(?:eingestellt|gesetzt|geändert)\s+auf|(?:cambiad[oa]|puest[oa])\s+a"
    r"|alterad[oa]\s+para|changée?\s+(?:en|pour)|impostat[oa]\s+(?:a|su))"
    r"(?=[ \t]+\d{4,8}(?![\w.,/:-]\w))"
)
_SET_ON_VALUE = re.compile(
    r"[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)(?![ \t]*(?:%|[KMGT]B\b|(?i:s|sec\w*|seg\w*|min\w*"
    r"|sek\w*|dag\w*|tage?\b|d[ií]as|jours|giorni|days|uur|stunden|horas|heures|ore)\b))"
)
_CODE_NAMED = re.compile(
    r"(?i)\b(?!(?:fout|fehler|error|erreur|status|exit|event|post|zip|bar|qr|tax|sort|product)"
    r"[\s-]?code)(?:pin|pins|passcode|pin-?code|\w*code|c[óo]digo|codice)\b"
)
_PIN_NAMED = re.compile(r"(?i)\b(?:pin|pins|passcode|pin-?code)\b")
# "screen-time code she gave us 1406": a device's own passcode (session 9)
_DEVICE_PASSCODE = guarded(
    r"(?i)\b(?:screen[- ]?time|restrictions?|unlock|iphone|ipad|handset|tablet|sim)[- ]"
    r"(?:pass)?code\b[^.\n\d]{0,30}?(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# "Entsperr-PIN laut Provisionierung ist 1470": a PIN opens something whatever it is for, so
# no place need be named; a PIN pad or a PIN's length is not one (session 9).
_PIN_IS = re.compile(
    r"(?i)(?<![\w-])(?:[\w-]{0,20}-)?pin\b(?![\s-]?(?:pad|length|policy|complexity|reset))"
    r"(?P<between>[^.\n:\d]{0,40}?)\b(?:is\s+it(?:\s+still)?|is|was|ist|war|es|est|é|è|era"
    r"|lautet|now|bleibt|blijft"
    # "Telefonsperr-PIN für Frau Lindner jetzt 9043" (session 11)
    r"|remains|stays|reste|resta|sigue|continua|fica|jetzt|nu|ahora|maintenant|agora|ora)[ \t]+"
    rf"(?P<value>\d{{4,8}}|{_TYPED_KEYS_PATTERN})(?![\w.,/:-]\w)"
)
# "Hik-Connect ... verification code set to HKVCAM": a device's cloud verification code is
# letters as often as digits (session 9).
_NOT_A_CODE = r"(?!(?:REQUIRED|ENABLED|DISABLED|INVALID|EXPIRED|WRONG|CORRECT|UNKNOWN)\b)"
_DEVICE_CODE = re.compile(
    r"(?i)\bverification\s+code\s+(?:(?:was\s+|now\s+)?(?:set|changed|reset)\s+to|is|now)\s+"
    rf"(?P<value>(?-i:{_NOT_A_CODE}[A-Z0-9]{{6,12}}))(?![\w.,/:-]\w)"
)
# "pedía el código de verificación del dispositivo. Código: KXRTAP (pegatina debajo)": the code
# in capitals after "code:", where a device's verification code is named just before (s. 10)
_CODE_COLON_CAPITALS = re.compile(
    r"(?i)\b(?:code|c[óo]digo|codice)\s*:\s*"
    rf"(?P<value>(?-i:{_NOT_A_CODE}(?=[A-Z\d]*[A-Z])[A-Z0-9]{{6,12}}))(?![\w.,/:-]\w)"
)
# A device's verification code, named in the six languages
_VERIFICATION_NAMES = (
    r"verification\s+code|c[óo]digo\s+de\s+verifica(?:ci[óo]n|ção)|code\s+de\s+vérification"
    r"|verifi(?:zierungs|catie)code|codice\s+di\s+verifica|bestätigungscode"
)
_VERIFICATION_NAMED = re.compile(_VERIFICATION_NAMES, re.IGNORECASE)
# "code de vérification de l'appareil changé en KXQPTL", "código de verificación de la
# etiqueta (clave de cifrado del vídeo): QHMPRW": the code named, then set or given (session 11),
# or named with what it is for (session 12)
_NAMED_THEN_CODE = guarded(
    rf"(?:{_VERIFICATION_NAMES})[^.\n]{{0,60}}?(?i:\b(?:set|changed|reset)\s+to"
    r"|\b(?:is|now|ist|es|est|é|è)|\bchangée?\s+en|\bcambiad[oa]\s+a|\bgeändert\s+auf"
    r"|\balterad[oa]\s+para|\bgewijzigd\s+in|:"
    # "verification code for Hik-Connect QKMBRT", "Verifizierungscode für die App ZKQMRT"
    r"|\b(?:for|für|pour|voor|per|para)\s+(?:(?:the|die|den|la|le|l'|de|het|il|el|a|o)\s*)?"
    r"[\w-]+[ \t]+(?=(?-i:[A-Z]{6,8})\b)"
    # or right after its name: "verification code KXPLMQ" (session 15)
    r"|(?=[ \t]+(?-i:[A-Z]{6,8})\b))[ \t]*"  # then capitals only, not "DS7608NI"
    rf"(?P<value>(?-i:{_NOT_A_CODE}(?=[A-Z\d]*[A-Z])[A-Z0-9]{{6,12}}))(?![\w.,/:-]\w)",
    re.IGNORECASE,
)


# "Neue Druckfreigabe-PIN 7351 vergeben", "SIM-PIN 4021": a compound's PIN and its value
# (the keyword reader leaves a keyword after a hyphen alone; session 12)
_COMPOUND_PIN = re.compile(
    r"(?i)(?<=[a-zäöüß]-)pin\b[ \t]*:?[ \t]*(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# "She wanted to change the PIN to 2580? No, too easy - set 7410 instead.": a PIN asked
# about, then the one set in the answer (session 12)
_PIN_AFTER_QUESTION = re.compile(
    r"(?i)\bpin\b[^.!?\n]{0,60}\?[^.!?\n]{0,60}?\b(?:set|chose|used?|picked|went\s+with"
    r"|gesetzt|gekozen|puesto|elegido|choisi|mis|escolhido|scelto)\s+(?:it\s+to\s+|to\s+)?"
    r"(?P<value>\d{4,8})\b(?![.,:/-]\d)"
)


def _pin_and_device_hits(text: str, lowered: str) -> Iterator[Hit]:
    """PINs named as such, and a device's passcode or verification code."""
    for match in _DEVICE_PASSCODE.finditer(text):
        yield match.start("value"), match.end("value"), "pin"
    if "pin" in lowered:
        for regex in (_PIN_IS, _PIN_AFTER_COLON, _PIN_AFTER_QUESTION, _COMPOUND_PIN):
            for match in regex.finditer(text):
                yield match.start("value"), match.end("value"), "pin"
        for match in _PIN_SET_LAST.finditer(text):
            if match.group("compound") or _UNREAD_PIN.fullmatch(match.group("value")):
                yield match.start("value"), match.end("value"), "pin"
        for match in _PIN_SET_TO.finditer(text):
            if not _UNREAD_PIN.fullmatch(match.group("value")):
                continue
            said = text[max(0, match.start() - 12) : match.end()]  # "vm pin for ext 204 ..."
            kind = "door_code" if PLACE_WORDS.search(said) else "pin"
            kind = "voicemail_pin" if VOICEMAIL.search(said) else kind
            yield match.start("value"), match.end("value"), kind
        for match in _PRONOUN_SET_TO.finditer(text):
            start = sentence_around(text, match.start())[0]
            said = text[max(0, start - 200) : match.end()]
            if _PIN_NAMED.search(said):
                kind = "voicemail_pin" if VOICEMAIL.search(said) else "pin"
                yield match.start("value"), match.end("value"), kind
    for said_set in _SET_ON.finditer(text):
        value = _SET_ON_VALUE.match(text, said_set.end())
        if value and _CODE_NAMED.search(text, max(0, said_set.start() - 200), said_set.start()):
            yield value.start("value"), value.end("value"), "pin"
    if "verification" in lowered:
        for match in _DEVICE_CODE.finditer(text):
            yield match.start("value"), match.end("value"), "mfa_code"
    if "verif" in lowered or "vérif" in lowered or "bestätigung" in lowered:
        for match in _NAMED_THEN_CODE.finditer(text):
            yield match.start("value"), match.end("value"), "mfa_code"
    for match in _CODE_COLON_CAPITALS.finditer(text):
        if _REPORTED_CODE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "Status code: TIMEOUT"
        if _VERIFICATION_NAMED.search(text, max(0, match.start() - 150), match.start()):
            yield match.start("value"), match.end("value"), "mfa_code"


# "staff side door keypad now 4 9 0 2 6", "new keypad 318 604 for cleaners", "Le digicode de la
# porte arrière reste A2719", "the side door is 1 9 7 4 X", "kassacode 4 6 2 9": a code right
# after the keypad, the door or a code compound that holds it (session 15)
_KEY_RUN = r"(?:\d[ \t]){3,9}\d(?:[ \t](?-i:[A-Z]))?"
_CODE_GIVEN = (
    r"(?:(?:now|is|was|remains|stays|reste|bleibt|blijft|resta|sigue|continua|code|set\s+to"
    r"|reset\s+to|changed\s+to|:)[ \t]+)"
)
_KEYPAD_GIVES = guarded(
    r"(?i)\b(?:keypad|key\s?pad|digicode|keysafe|key\s+safe|lockbox|tastenfeld|clavier)[ \t]+"
    rf"(?:(?:[^\W\d]{{2,15}}[ \t]+){{1,4}}?{_CODE_GIVEN}|{_CODE_GIVEN}?)"
    rf"(?P<value>{_KEY_RUN}|[*#]?\d{{4,8}}[*#]?|\d{{3}}[ -]\d{{3}}|(?-i:[A-Z])\d{{4,6}})"
    r"(?![\w.,/:-]\w)"
)
_KEYPAD_WORDS = (
    "keypad", "key pad", "digicode", "keysafe", "key safe", "lockbox", "tastenfeld", "clavier",
)  # fmt: skip
_DOOR_GIVES = re.compile(
    rf"(?i)(?=[dgtpc])\b(?:door|gate|deur|tür|tor|porte|portail|puerta|porta|portão|cancello)[ \t]+"
    rf"{_CODE_GIVEN}(?P<value>{_KEY_RUN}|\d{{4,8}}#?)(?![\w.,/:-]\w)"
)
# a code compound, then keys: "kassacode 4 6 2 9" (found at "code", the word read back)
_COMPOUND_KEYS = guarded(
    rf"(?i)(?<=[^\W\d_]{{2}})code[ \t]*:?[ \t]+(?P<value>{_KEY_RUN})(?![\w.,/:-]\w)"
)
_WORD_BEFORE = re.compile(r"[\w-]*$")
# a till's manager or user code, set: "Codice gestore della cassa cambiato in 60413" (session 15)
_TILL = guarded(r"(?i)\b(?:till|tills|epos|kasse|kassa|cassa|caisse|caixa|caja)\b")
# "temp *7193# on the side gate keypad": digits wrapped as typed, where a keypad is named
_WRAPPED_KEYS = guarded(r"(?<![\w*#])\*\d{3,8}#(?!\w)")
# "he set 551903 as the new one": a PIN named before, set as the new one (session 15)
_SET_AS_NEW = re.compile(
    r"(?i)\bset\s+(?P<value>\d{4,8})\s+as\s+(?:the|his|her|their|a|my)\s+new\b"
)

# "mgr override on till now 7730", "clock in 3391", "the fallback code for secure print, 60417":
# a till's override, a clock-in code, a code named for what it opens then a comma (session 15)
_OVERRIDE_OR_CLOCK_IN = re.compile(
    r"(?i)\b(?:override\b[^.\n\d]{0,30}?\b(?:now|is|set\s+to|changed\s+to|reset\s+to)"
    r"|clock[\s-]?in(?:\s+(?:code|pin|number))?)[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
_CODE_FOR_THEN_DIGITS = re.compile(
    r"(?i)\b(?:code|pin|passcode)\s+for\s+(?:[^\W\d]+\s+){0,3}?[^\W\d]+,[ \t]+"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)


def keypad_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A code given right after its keypad or door, typed wrapped, or set as the new one."""
    if any(word in lowered for word in _KEYPAD_WORDS):
        for match in _KEYPAD_GIVES.finditer(text):
            yield match.start("value"), match.end("value"), "door_code"
    for match in _DOOR_GIVES.finditer(text):
        yield match.start("value"), match.end("value"), "door_code"
    if "code" in lowered:
        for match in _COMPOUND_KEYS.finditer(text):
            word = _WORD_BEFORE.search(text, max(0, match.start() - 25), match.start())
            if word is None or not _REPORTED_CODE.search(word.group()):  # "Fehlercode", "postcode"
                yield match.start("value"), match.end("value"), "door_code"
    if "#" in text:
        for match in _WRAPPED_KEYS.finditer(text):
            start, end = sentence_around(text, match.start())
            if _KEYPAD_PLACES.search(text, start, end):
                yield match.start(), match.end(), "door_code"
    if "override" in lowered or "clock" in lowered:
        yield from _reported_or_pin(text, _OVERRIDE_OR_CLOCK_IN)
    if " for " in lowered and ("code" in lowered or "pin" in lowered):
        yield from _reported_or_pin(text, _CODE_FOR_THEN_DIGITS)
    if "set" in lowered:
        for match in _SET_AS_NEW.finditer(text):
            if _PIN_NAMED.search(text, max(0, match.start() - 300), match.start()):
                yield match.start("value"), match.end("value"), "pin"


def _reported_or_pin(text: str, regex: re.Pattern[str]) -> Iterator[Hit]:
    for match in regex.finditer(text):
        if not _REPORTED_CODE.search(text, max(0, match.start() - 20), match.start()):
            yield match.start("value"), match.end("value"), "pin"


# "Disarm with 8816 then reset on the keypad", "Am Tastenfeld 7719 eingeben", "uitschakelen
# gaat met 9302", "the barrier opens with *2580 on the intercom keypad", "portone 1946 e
# allarme 33071": digits typed where a keypad, lock or alarm is named in the same sentence, right
# after a word that enters, gives or opens with them, or after the door or alarm they open (s. 14)
_KEYPAD_PLACES = guarded(
    r"(?i)\b(?:keypad|key\s?pad|keysafe|key\s+safe|lock|locks|safe|alarm|alarme|alarma|allarme"
    r"|alarmanlage|barrier|intercom|lift|elevator|door|doors|gate|portone|portail|porta|puerta"
    r"|portão|cancello|cancela|tür|tor|deur|poort|tastenfeld|tastatur|tastierino|teclado|clavier"
    r"|toetsenbord|digicode|combination|combinaison|combinación|combinazione|cassaforte|tresor"
    r"|kluis|coffre|caja\s+fuerte|cofre|panel|centrale|zentrale|receptor|disarm\w*|uitschakel\w*"
    r"|unscharf\w*|desarm\w*|désarm\w*|disinser\w*)\b"
)
# Digits that could be typed (found first: a cheap scan), then the word before them
_TYPED_DIGITS = re.compile(
    r"(?<![\w.,:/*#-])[*#]?\d{4,8}[#*]?(?![\w.,:/-]\w|[ \t]*(?:%|x\b|users|people|staff|times"
    r"|minutes|seconds|hours|days|euros?|pounds|dollars))"
)
_ENTERED_BEFORE = guarded(
    r"(?i)(?:\b(?:with|enter|entered|use|uses|using|give\s+(?:the\s+)?\w+|gave\s+(?:the\s+)?\w+"
    r"|type|typed|key|keyed|press|punch|met|con|avec|com|mit|gaat\s+met|quedó\s+en|ficou\s+em"
    r"|è\s+ora|has|am\s+tastenfeld|sul\s+tastierino|au\s+clavier|en\s+el\s+teclado"
    r"|no\s+teclado|op\s+het\s+toetsenbord)"
    # (not "porta" or "poort", a port as often as a door)
    r"|\b(?:door|gate|portone|portail|puerta|portão|cancello|tür|deur|alarm|allarme|alarme"
    r"|alarma))[ \t]+$"
)
_ENTERED_REACH = 40


def entered_digits_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Digits typed on a keypad, lock or alarm named in their sentence."""
    for match in _TYPED_DIGITS.finditer(text):
        value_start = match.start()
        if not _ENTERED_BEFORE.search(text, max(0, value_start - _ENTERED_REACH), value_start):
            continue
        start, end = sentence_around(text, value_start)
        if not _KEYPAD_PLACES.search(text, start, end):
            continue
        if _REPORTED_CODE.search(text, max(0, value_start - 40), value_start):
            continue
        if _NUMBERED_THINGS.search(text, max(0, value_start - 15), value_start):
            continue
        yield value_start, match.end(), "door_code"


def _typed_keys_seed_and_card_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Keys typed one by one where a place is named, a TOTP seed in groups, a card's code."""
    if "-" in text:
        for match in _DASHED_KEYS.finditer(text):
            start, end = sentence_around(text, match.start())
            if _NUMBERED_THINGS.search(text, max(0, match.start() - 15), match.start()):
                continue
            if PLACE_WORDS.search(text, max(0, start - 200), end):
                yield match.start(), match.end(), "door_code"
    for match in _SPACED_KEYS.finditer(text):
        start, end = sentence_around(text, match.start())
        if _NUMBERED_THINGS.search(text, max(0, match.start() - 15), match.start()):
            continue
        # the place may be named a line or two before: "alarm going off, code not working!!\n
        # [07:03] Tech: the code was changed ... - try 6 6 0 4 then OFF" (session 12)
        # the code may be named in the line before too: "the landlord changed the code.\n08:05
        # landlord rang us with the new one, 0 6 2 2" (session 15)
        if _CODE_WORD.search(text, max(0, start - 200), end) and PLACE_WORDS.search(
            text, max(0, start - 200), end
        ):
            yield match.start(), match.end(), "door_code"
        elif text[start : match.start()].rstrip().endswith(":") and PLACE_WORDS.search(
            text, start, match.start()
        ):
            yield match.start(), match.end(), "door_code"  # "store room keypad: 2 6 4 8 #"
        elif text[start : match.start()].rstrip().endswith(":") and _PIN_NAMED.search(
            text, start, match.start()
        ):
            yield match.start(), match.end(), "pin"  # "release PIN ... read it to her: 3 8 8 1"
    if "seed" in lowered or "secret" in lowered or "setup key" in lowered:
        for match in _SEED_GROUPS.finditer(text):
            yield match.start("value"), match.end("value"), "mfa_seed"
    if any(word in lowered for word in _CARD_WORDS):
        for match in _CARD_CODE.finditer(text):
            yield match.start("value"), match.end("value"), "card_code"


def prose_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A numeric code in a sentence about a door, gate, keypad or alarm, or given to a user."""
    yield from entered_digits_hits(text, lowered)
    yield from keypad_code_hits(text, lowered)
    if "#" in text:
        for match in _HASH_CODE.finditer(text):
            yield match.start("value"), match.end("value"), "door_code"
    for regex in (_KEYPAD_ENTRY, _PLACE_SET_TO):
        for match in regex.finditer(text):
            yield match.start("value"), match.end("value"), "door_code"
    if "PUK" in text:
        for match in _PUK.finditer(text):
            yield match.start("value"), match.end("value"), "pin"
    yield from _typed_keys_seed_and_card_hits(text, lowered)
    if "code" not in lowered and "pin" not in lowered and "combi" not in lowered:
        words = ("código", "codigo", "codice", "nummer", "clave", "override", "kombi")
        if not any(word in lowered for word in words):
            return
    for match in _PERSONAL_CODE.finditer(text):
        yield match.start("value"), match.end("value"), "mfa_code"
    yield from _pin_and_device_hits(text, lowered)
    for coded in kept_matches(  # not "Error code: 504 112", "product code: 447 192" (s. 22)
        _CODE_AFTER_COLON,
        text,
        lambda coded: bool(_REPORTED_CODE.search(text, max(0, coded.start() - 20), coded.start())),
    ):
        yield coded.start("value"), coded.end("value"), "mfa_code"
    for match in _CODE_SET_OFF.finditer(text):  # "created a courier code, 4471, valid ..."
        if PLACE_WORDS.search(text, *sentence_around(text, match.start())):
            yield match.start("value"), match.end("value"), "door_code"
    for match in _PLACE_CODE_AFTER_COLON.finditer(text):
        named = text[max(0, match.start() - 25) : match.start()] + match.group("between")
        lettered = match.group("value")[0].isalpha()  # "A1984": only a code set anew below
        if PLACE_WORDS.search(named) and not lettered:  # "alarm code over the phone: 2 0 9 1"
            yield match.start("value"), match.end("value"), "door_code"
        elif (
            (not lettered and _TYPED_KEYS.fullmatch(match.group("value")))
            or (not lettered and PANEL_ROLE.search(match.group("between")))
            or (not lettered and match.group("role"))
            or (
                _SET_BETWEEN.search(match.group("between"))
                and _OPENS_WITH_CODE.fullmatch(
                    text, sentence_around(text, match.start())[0], match.start()
                )
            )
        ):
            # keys typed one by one name a keypad, and a user's or installer's code a panel:
            # the alarm may be named a sentence before ("el código de la alarma ... Código de
            # usuario nuevo: 7 7 1 3"; session 8; "l'allarme ... Codice utente per il
            # titolare: 5829"; session 9)
            start, end = sentence_around(text, match.start())
            if PLACE_WORDS.search(text, max(0, start - 200), end):
                yield match.start("value"), match.end("value"), "door_code"
    for match in _READ_OUT_CODE.finditer(text):
        start, end = sentence_around(text, match.start())
        if _ONE_TIME_WORDS.search(text, max(0, start - 200), end):
            group = "value" if match.group("value") else "later"
            yield match.start(group), match.end(group), "mfa_code"
    for match in _BARE_CODE.finditer(text):
        if _REPORTED_CODE.search(text, max(0, match.start() - 20), match.start()):
            continue
        start, end = sentence_around(text, match.start())
        if _ONE_TIME_WORDS.search(text, start, end):
            yield match.start("value"), match.end("value"), "mfa_code"
    for match in _PLACE_CODE_IS.finditer(text):
        start, end = sentence_around(text, match.start())
        if _REPORTED_CODE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if PLACE_WORDS.search(text, max(0, start - 200), end) or _TILL.search(
            match.group("between")
        ):
            yield match.start("value"), match.end("value"), "door_code"
    for match in _SET_IT_TO.finditer(text):
        start, _ = sentence_around(text, match.start())
        if PLACE_WORDS.search(text, max(0, start - 200), match.start()):
            yield match.start("value"), match.end("value"), "door_code"
    for match in _PLACE_CODE.finditer(text):
        if _REPORTED_CODE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if _BADGE_OR_CASE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            continue  # "Badge numéro 0 0 7 4 ... programmé pour la porte": a badge's number
        start, end = sentence_around(text, match.start())
        # The door or safe may be named in the sentence before ("Keypad changed. New code ...").
        if PLACE_WORDS.search(text, max(0, start - 200), end):
            yield match.start("value"), match.end("value"), "door_code"

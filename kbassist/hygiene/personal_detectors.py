"""Personal data beyond work identity: private phone numbers and e-mail, home
addresses, dates of birth, national IDs, bank details.

The line the guide draws: a name, a work e-mail address, a work extension or a
job title is work identity and stays; a personal phone number or e-mail, a home
address, a date of birth, a national ID or a bank detail is personal data.
Phone numbers are validated with the ``phonenumbers`` library (Google's
libphonenumber metadata); a number is personal unless the words around it say
it belongs to the business (office, reception, main line, support line, DID,
extension, toll-free). Dates of birth, national IDs and bank details that a keyword
announces are read in :mod:`kbassist.hygiene.personal_keywords`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from kbassist.hygiene.addresses import address_hits, untyped_home_hits
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.national_ids import national_id_hits
from kbassist.hygiene.personal_keywords import (
    COMPANY_ACCOUNT,
    answered_birth_date_hits,
    company_named_after,
    personal_keyword_hits,
    sentence_birth_date_hits,
)

# --- e-mail --------------------------------------------------------------------------------

# Consumer mail providers: an address there is a person's own, not their employer's.
PERSONAL_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.de hotmail.fr
    hotmail.es hotmail.it hotmail.nl live.com live.co.uk live.de live.fr live.nl live.it msn.com
    yahoo.com yahoo.co.uk yahoo.de yahoo.fr yahoo.es yahoo.it ymail.com rocketmail.com aol.com
    aol.de icloud.com me.com mac.com proton.me protonmail.com protonmail.ch pm.me gmx.de gmx.net
    gmx.at gmx.ch gmx.com gmx.fr web.de t-online.de freenet.de posteo.de posteo.net mailbox.org
    arcor.de online.de orange.fr free.fr laposte.net wanadoo.fr sfr.fr neuf.fr bbox.fr libero.it
    virgilio.it tiscali.it alice.it tin.it hetnet.nl ziggo.nl kpnmail.nl planet.nl home.nl
    xs4all.nl telenet.be skynet.be proximus.be sapo.pt clix.pt terra.com terra.es telefonica.net
    uol.com.br bol.com.br yandex.com yandex.ru mail.ru fastmail.com fastmail.fm hushmail.com
    tutanota.com tuta.io zoho.eu btinternet.com sky.com virginmedia.com talktalk.net
    blueyonder.co.uk ntlworld.com comcast.net verizon.net att.net sbcglobal.net bigpond.com
    optusnet.com.au shaw.ca rogers.com sympatico.ca bluewin.ch eircom.net
    """.split()
)
_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}"
    r"\.[A-Za-z]{2,24})\b"
)
_PRIVATE_WORDS = re.compile(
    r"(?i)\b(?:personal|private|home|own|privat\w*|persönlich\w*|personnel\w*|privé\w*"
    r"|pessoal|particular|privato|privata|priv\.)\b"
)


# A role mailbox at a consumer provider ("it-admin.fps@outlook.com", owned by a school): the
# address names a function, not a person (session 6).
_ROLE_LOCAL = re.compile(
    r"(?i)(?:^|[._-])(?:admin|administrator|info|office|reception|accounts|helpdesk|support"
    r"|noreply|no-reply|bookings?|sales|finance|enquiries|billing|invoices?|postmaster"
    r"|webmaster|secretariat|secretaria|sekretariat|segreteria|secretariaat)(?:$|[._-])"
)


_BUSINESS_MAILBOX_BEFORE = re.compile(
    r"(?i)\b(?:bookings?|info|office|shared|business|company|general|reception|support|sales"
    r"|team|practice|shop|studio)\s+(?:mail\s?box|inbox|address|e-?mail(?:\s+address)?"
    r"|account)\W{0,3}$"
)
_BUSINESS_MAILBOX_AFTER = re.compile(
    r"(?i)\W{0,3}(?:the\s+|their\s+)?(?:business|company|shop|practice|firm|club|school)(?:'s)?"
    r"\s+(?:only\s+|main\s+|own\s+|shared\s+)?(?:address|mailbox|inbox|e-?mail|account)"
)


# A consumer brand under any country's domain: outlook.ie, hotmail.be, yahoo.com.br (session 9).
_CONSUMER_BRAND = re.compile(
    r"(?:outlook|hotmail|live|yahoo|ymail|gmx|aol|icloud|msn|gmail)\.(?:com?\.)?[a-z]{2,3}"
)


def _personal_domain(domain: str) -> bool:
    domain = domain.lower()
    if _CONSUMER_BRAND.fullmatch(domain):
        return True
    return any(domain == known or domain.endswith("." + known) for known in PERSONAL_MAIL_DOMAINS)


def _clause_before(text: str, start: int, width: int = 60) -> str:
    """The words before a position, back to the start of the line or sentence."""
    window_start = max(0, start - width)
    window = text[window_start:start]
    cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("; "))
    return window[cut + 1 :] if cut >= 0 else window


def _clause_after(text: str, end: int, width: int = 60) -> str:
    """The words after a position, up to the end of the line or sentence."""
    window = text[end : end + width]
    cuts = [i for i in (window.find("\n"), window.find(". "), window.find("; ")) if i >= 0]
    return window[: min(cuts)] if cuts else window


_MESSAGE_ID_BEFORE = re.compile(r"(?i)\b(?:message[- ]?id|in-reply-to|references)\b\W{0,4}<$")


def _email_hits(text: str, lowered: str) -> Iterator[Hit]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        if _ROLE_LOCAL.search(match.group(0).split("@", 1)[0]):
            continue
        if _BUSINESS_MAILBOX_BEFORE.search(_clause_before(text, match.start(), 40)):
            continue  # "from their bookings mailbox x@gmail.com": a firm's mailbox
        if _BUSINESS_MAILBOX_AFTER.match(text, match.end()):
            continue  # "x@gmail.com (the business's only address)"
        if _MESSAGE_ID_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "Message ID <CAF7x9Q2@mail.gmail.com>": a message's id, no one's address
        if _personal_domain(match.group("domain")) or _PRIVATE_WORDS.search(
            _clause_before(text, match.start(), 50)
        ):
            yield match.start(), match.end(), "email"


# --- phone numbers -------------------------------------------------------------------------

# Regions tried for numbers written without a country code: a leading 0 is the trunk prefix
# of most European numbering plans; without it, North American or Iberian/Italian formats.
TRUNK_ZERO_REGIONS = ("GB", "DE", "NL", "FR", "IT", "BE", "AT", "CH", "IE", "AU", "ZA", "NZ")
NO_TRUNK_REGIONS = ("US", "CA", "ES", "PT", "IT")
# never inside a path or a file name: "C:\\Windows\\Minidump\\031125-9421-01.dmp" (session 9)
_PHONE = re.compile(
    r"(?<![\w+/\\.:#-])(?:\+|00)?\(?\d[\d \t().-]{5,22}\d(?![\w-]|[.:/]\d|\.[a-z]{2,4}\b)"
)
_NOT_A_PHONE = re.compile(
    r"""(?x)^(?:
        \d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2})?   # date
      | \d{4}-\d{2}-\d{2}.*                              # ISO date
      | (?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d              # a range of years: 2011-2014
      | \d+(?:\.\d+){2,}                                 # version or IP
      | [245]\d\d\s[245]\.\d{1,3}\.\d{1,3}                 # SMTP status: 550 5.7.520
      | \d{6}(?:-\d{6})+                                 # recovery key groups
      | [1-9]\d{3,5}\.\d{1,5}                             # build.revision (22631.4317)
      | \d{1,3}(?:\.\d{1,3}){3}(?:-\d{1,3}(?:\.\d{1,3}){0,3})?.*  # IP address or range
    )$"""
)
_PHONE_WORDS = re.compile(
    r"(?i)(?:phone|tel\b|tel\.|telephone|mobile|mob\b|cell|call|ring|reach|contact|number|nr\b"
    r"|no\.|nummer|handy|telefon|rufnummer|móvil|movil|celular|teléfono|telefono|número|numero"
    r"|portable|téléphone|numéro|mobiel|telefoon|gsm|telemóvel|telemovel|cellulare|whatsapp"
    r"|sms|text|signal|on\s*$)"
)
_NOT_PHONE_CONTEXT = re.compile(
    r"(?i)(?:ticket|case|ref|reference|order|invoice|serial|s/n|\bsn\b|asset|\bid\b|\bkb|build"
    # a serial number in the other languages: "matricola", "Nº de serie" (session 9)
    r"|matricola|\bs[ée]rie|seriennummer|serienummer"
    # a device's identifier: "IMEI 356938035643809" (session 8)
    r"|imei|meid|imsi|iccid|\besn"
    # a case right after its word, with no vendor between: "caso 2025-118734" (session 8)
    r"|\bcaso|\bincidencia|\bincidente|\bchamado|\bprotocolo|\bexpediente|\bsegnalazione"
    r"|version|event|error|\bpo\b|account|acct|iban|sort\s+code|port|vlan|licen[cs]e|key|code"
    r"|pin|inc|req|chg|ritm|job|batch|lot|part|model|sku|tag|\bmac|\bip\b|hash|\#"
    # an access-control or staff identifier: "fob token 0412773", "badge 5530917"
    r"|fob|token|badge|(?:employee|staff|payroll)\s+(?:no\.?|number|id)"
    # a case or order in Dutch and German, alone or compounded: "Fall 50102...", "ticketnummer"
    r"|\bfall|vorgang|auftrag|zaak|dossier|melding|bestel)"
    r"(?:s?[\s-]?(?:nummer|nr\.?|no\.?|number|#))?\W{0,3}$"
    # "Ticket beim Hersteller 2026-118043", "serienummers 1123456789 en 1123456790" (session 7)
    # "Incidencia Redsys 2026-118842", "Storing KPN ...": a reference word, the vendor's name,
    # then its number, in the seven languages (session 8)
    r"|\b(?:ticket|fall|case|caso|vorgang|incident|incidencia|incidente|incidenza|chamado"
    r"|ocorrência|st[öo]rung|storing|melding|segnalazione|aver[íi]a|fault|dossier|zaak"
    r"|r[ée]f[ée]rence|referencia|ref|order|pedido|commande|bestelling|auftrag|ordine|rma)"
    r"\s+(?:(?:beim|bei|with|at|del|du|van|bij|presso|junto\s+a|chez)\s+\w+"
    r"|(?-i:(?!(?:DE|DA|DO|DEL|DI|DU|VAN|THE|O|A|EL|LA|LE|IL|DER|DIE|DAS|HET)\b)[A-Z][\w&-]+)"
    r"(?:\s(?-i:[A-Z][\w&-]+))?)\W{0,3}$"
    # a staff access card's number, not a phone's: "card no. 0612 4471", "Kartennummer",
    # "número de tarjeta", "numéro de carte", "kaartnummer", "numero tessera" (session 8)
    r"|(?<!sim\s)(?<!sim-)\bcard[\s-]?(?:no\.?|number|nr\.?|\#)\W{0,3}$"
    r"|(?:karten|kaart|pas)-?(?:nummer|nr\.?)\W{0,3}$"
    r"|\bn(?:[úu]mero|uméro|[º°o]\.?)\s+(?:de\s+(?:la\s+)?|do\s+|della\s+|di\s+)?"
    r"(?:tarjeta|carte|cartão|tessera|carta)(?!\s+sim)(?:\s+\w+){0,2}\W{0,3}$"
    r"|\b(?:tarjeta|carte|cartão|tessera|carta)\s+(?:n[º°o.]+|num\w*)\W{0,3}$"
    r"|(?:serie\w*|serial\w*|s/n)\s+\S+\s+(?:en|and|und|et|y|e|&)\s*$|serienummers?\W{0,3}$"
    # a parcel's tracking number, or the rest of a longer code: "tracking 1Z 9W4 7X6 03 1847 2253"
    r"|(?:tracking|sendungsnummer|suivi|seguimiento|rastreio|tracciamento)(?:\s+\S+){0,4}\s*$"
    r"|(?-i:[A-Z]+\d[A-Z\d]*|\d+[A-Z][A-Z\d]*)\s$"
)
# A company's registration or tax number: "Registered in England No. 08812345", "KvK 1234..."
# (read on the raw words before: the clause cut stops at "No. ").
_REGISTRATION_BEFORE = re.compile(
    r"(?i)(?:registered\s+in\s+[\w ]{2,30}?(?:\s(?:no\.?|number))?"
    r"|(?:company|companies|registration|reg\.?|vat|tax)\s+(?:no\.?|number|nr\.?)|siret|siren|kvk|hrb|cif|nif|p\.?\s?iva"
    r"|vat(?:\s+(?:no\.?|number|reg\.?))?\s+[A-Z]{2}"  # "VAT GB 291 4471 62"
    r"|ust-?id\w*|btw|abn|acn|cnpj|nipc)\W{0,3}$"
)
_WORK_WORDS = re.compile(
    r"(?i)\b(?:office|desk|direct\s+(?:dial|line)|ddi|did|main\s+(?:line|number|office)"
    r"|reception|switchboard|front\s+desk|help\s?desk|service\s?desk|support|hotline|vendor"
    r"|supplier|isp|carrier|provider|fax|ext\.?|extension|durchwahl|zentrale|büro|firma|company"
    r"|work|business|trunk|porting|ported|3cx|sip|teams|hunt\s?group|queue|ivr|auto\s?attendant"
    r"|operator\s+connect|calling\s+plan|direct\s+routing|phone\s+system"
    r"|oficina|empresa|centralita|bureau|entreprise|standard|kantoor|bedrijf|escritório|ufficio"
    r"|azienda|centralino|toll[\s-]?free|freephone|landline\s+of|site|branch|store|shop|clinic"
    r"|practice|surgery|dienst\w*|geschäft\w*|(?-i:us)|our|we|uns|nous|nos|nosotros|nuestro|ons|onze"
    # a vendor's support line in the six other languages: "Linha de apoio do fornecedor"
    r"|apoio|fornecedor|soporte|proveedor|fournisseur|lieferant\w*|leverancier|fornitore"
    r"|assistenza|ondersteuning|hotline|klantcontact|klantenservice|kundenservice|kundendienst"
    r"|atendimento|servizio\s+clienti|service\s+client|customer\s+service"
    r"|praktijk\w*|praxis\w*|consultorio|consultório|studio"  # a practice's number
    # a vendor's technician or assistance line: "Tecnico Kyocera chiamato al 02 921791",
    # "asistencia técnica", "Techniker von Canon" (session 8)
    r"|t[ée]cnico|technician|techniker|technicien|technicus|monteur|servicetechniker"
    r"|asistencia|assistência|assistance|helpline|servicedesk|service\s?desk"
    # a shop's or firm's general number: "Telefone geral da loja", "número general"
    r"|geral|general|générale?|algemeen|generale|loja|tienda|negozio|winkel|magasin|boutique"
    r"|nós|nosso|ci|nostro"
    # the firm's main number or head office: "numéro principal", "Hauptnummer", "siège social"
    r"|principal|principale|hauptnummer|hoofdnummer|siège|accueil|receptie|recepción)\b"
)
_PERSONAL_PHONE_WORDS = re.compile(
    r"(?i)\b(?:personal\w*|private|home|own|privat\w*|persönlich\w*|personnel\w*|privé\w*|pessoal"
    r"|particular|privato|privata|wife|husband|partner|mum|mom|dad|spouse|him|his|her|them"
    r"|their|he|she|ihn|ihm|ihr|ihre|seine?|lui|elle|hem|haar|zijn|ele|ela|dele|dela"
    r"|perso|son|sa|su|suo|sua|seu|my|mine|mijn|mein|meine|meu|minha|mio|mia)\b"
)
# Number types that only a business has (phonenumbers.PhoneNumberType names).
_BUSINESS_TYPES = ("TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN", "VOICEMAIL")


# The number of a work phone: the device is the employer's, whoever carries it.
_WORK_PHONE = re.compile(
    r"(?i)\b(?:company|work|business|corporate|office|firm|staff)[\s-]+(?:mobile|phone|cell"
    r"|handset|iphone|smartphone|sim)\b\W{0,3}(?:\w+\W+){0,2}$"
    r"|(?:diensthandy|firmenhandy|geschäftshandy|diensttelefon)\w*\W{0,3}(?:\w+\W+){0,2}$"
    # a direct line is the employer's: "Her DDI 0161 496 0732" (session 7)
    r"|\b(?:ddi|did|direct\s+(?:dial|line)|durchwahl|doorkiesnummer|ligne\s+directe)\W{0,3}$"
    r"|(?:m[óo]vil|tel[ée]fono|celular|telem[óo]vel|portable|cellulare|gsm|mobiel)\s+"
    r"(?:de\s+(?:la\s+)?empresa|corporativo|da\s+empresa|professionnel|de\s+société"
    r"|aziendale|van\s+de\s+zaak|zakelijk)\W{0,3}(?:\w+\W+){0,2}$"
)
# "número de incidencia", "incident number", "Störungsnummer": a reference, not a phone. The
# reference word may stand a few words before the number word ("incidencia con Movistar,
# número 1-8842275193").
_REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:incident|ticket|case|fault|order|reference|incidencia|aver[íi]a|caso|pedido"
    r"|st[öo]rung\w*|meldung|auftrag|vorgang|incidente|chamado|protocolo|dossier|commande"
    r"|signalement|storing|melding|zaak|segnalazione|richiesta|pratica|ordine)\b"
    r"(?:\W+\w+){0,4}\W+(?:number|no\.?|nr\.?|n[º°o]\.?|número|numero|nummer|numéro)\W{0,3}$"
    # "Número de incidencia del fabricante HP: 5092...": the number word first (session 7)
    r"|(?:número|numero|numéro|number|nummer)\s+(?:de\s+|do\s+|da\s+|di\s+|of\s+|du\s+)?"
    r"(?:la\s+|l'|the\s+)?(?:incidencia|incidente|incident|caso|case|ticket|chamado|pedido"
    r"|solicitud|solicitação|demande|anfrage|aanvraag|richiesta|request|application"
    r"|order|dossier|commande|pratica|ordine|ocorrência|référence|referencia|reference)"
    r"(?:\W+\w+){0,4}\W{0,3}$"
)
# The firm's switchboard named right before the number overrides "she" or "his" around it.
# "cell 082 514 7730 (his own phone, ...)": whose phone it is, said right after the number.
_OWN_PHONE_AFTER = re.compile(
    r"(?i)\W{0,3}(?:his|her|their|own|personal|private|perso|privé|privat\w*|su|son|sa|seu"
    r"|sua|suo|zijn|haar|sein|ihr)\s+(?:(?:own|personal|private|mobile)\s+)?"
    r"(?:phone|mobile|cell|number|handy|portable"
    r"|m[óo]vil|telem[óo]vel|cellulare|mobiel|gsm|n[úu]mero|nummer|numéro)"
)
# A support line named right before the number, whoever's "their" stands further back.
_SUPPORT_LINE_BEFORE = re.compile(
    r"(?i)\b(?:support|help|service|hot|customer)[\s-]?(?:line|desk|number)|hotline|helpline"
    r"|linha\s+de\s+apoio|l[íi]nea\s+de\s+(?:soporte|atención)|ligne\s+d'assistance"
    r"|servicelijn|supportlijn|linea\s+(?:di\s+)?assistenza"
    r"|(?:suporte|soporte|support|assistance|assistenza|kundendienst)(?:\s+[A-Z][\w-]+){1,2}\W{0,3}$"
)
# A messaging system's own number in its pasted config (session 9).
_SENDER_KEY_BEFORE = re.compile(
    r"(?i)[\"']?(?:\b|(?<=_))(?:from|sender|from_?number|sms_?from|caller_?id|originator|sender_?id"
    r"|twilio_?(?:phone_?)?number|messaging_?number)[\"']?\s*[:=]\s*[\"']?$"
)
# "Called Sage on 0191 479 5999, outage confirmed, case 09912345": a number that opened a
# vendor's case in the same sentence is the vendor's line (session 9).
_VENDOR_CASE_AFTER = re.compile(
    r"(?i)\b(?:case|caso|fall|dossier|zaak|incident|incidencia|chamado|sr)\s*(?:no\.?|number"
    r"|nr\.?|n[º°]|\#|ref)?\s*[:#]?\s*(?:[A-Z]{1,4}-?)?\d{5,}"
)
_SWITCHBOARD_BEFORE = re.compile(
    r"(?i)\b(?:switchboard|reception|main\s+(?:line|number)|standard|accueil|centralita"
    r"|centralino|zentrale|hoofdnummer|receptie|recepción|receção|front\s+desk)\W{0,4}$"
)
# A firm's footer: its registration on the number's line ("Ltd | Reg. office 22 Kirkstall
# Road, Leeds | Company no. 08812234 | 0113 496 0021"), or its legal name on a line laid out
# with bars or bullets (session 8).
_FOOTER_REGISTRATION = re.compile(
    r"(?i)\b(?:reg(?:istered)?\.?\s+(?:office|address|in\b)|company\s+(?:no\b|number|reg)"
    r"|vat\s+(?:no\b|number|reg)|handelsregister|amtsgericht|hrb\b|kvk\b|siret|siren\b|rcs\b"
    r"|p\.\s?iva|partita\s+iva|registro\s+mercantil|\bcif\b|nipc|ust-?id\w*"
    r"|sede\s+(?:legale|social)|siège\s+social|registergericht)"
)
_FOOTER_LEGAL_NAME = re.compile(
    r"\b(?:Ltd|Limited|LLP|PLC|plc|GmbH|AG|SARL|SAS|B\.V|N\.V|S\.L|S\.A|S\.r\.l|S\.p\.A|Lda)\b"
)
_FOOTER_BARS = re.compile(r"[|•·]")


def _company_footer(text: str, start: int, end: int) -> bool:
    """Whether the number stands in a firm's footer or signature line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    near = text[max(line_start, start - 160) : min(line_end, end + 160)]
    if _FOOTER_REGISTRATION.search(near):
        return True
    return bool(_FOOTER_LEGAL_NAME.search(near) and _FOOTER_BARS.search(near))


_MOBILE_WORDS = re.compile(
    r"(?i)\b(?:mobile|mob|cell|handy|m[óo]vil|celular|portable|mobiel|gsm|telem[óo]vel"
    r"|cellulare)\b"
)


# A phone hit needs seven digits with only separators between them (the count of 7 to 15
# below), and _PHONE opens with a look-behind that the regex engine tries at every position:
# this search, which the engine can skip to the next digit for, runs first.
_SEVEN_DIGIT_RUN = re.compile(r"\d(?:[ \t().-]*\d){6}")
_GROUPED_DIGITS = re.compile(r"\d[ .-]\d")


@lru_cache(maxsize=4096)
def _phone_verdict(raw: str, mobile: bool = False) -> tuple[bool, bool]:
    """(valid somewhere, a business-only number type) for a candidate number. When the text
    calls it a mobile, a region where it is a mobile wins ("087 900 4418": an Irish mobile,
    not a UK shared-cost number)."""
    import phonenumbers  # imported on the first candidate: its metadata is large

    business = {getattr(phonenumbers.PhoneNumberType, name) for name in _BUSINESS_TYPES}
    number = raw.strip()
    if number.startswith("00"):
        number = "+" + number[2:]
    regions: Sequence[str | None]
    if number.startswith("+"):
        regions = (None,)
    elif number.lstrip("(").startswith("0"):
        regions = TRUNK_ZERO_REGIONS
    else:
        regions = NO_TRUNK_REGIONS
    first: tuple[bool, bool] | None = None
    for region in regions:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            kind = phonenumbers.number_type(parsed)
            if not mobile:
                return True, kind in business
            if kind == phonenumbers.PhoneNumberType.MOBILE:
                return True, False
            first = first or (True, kind in business)
    return first or (False, False)


def _phone_hits(text: str, lowered: str) -> Iterator[Hit]:
    if not _SEVEN_DIGIT_RUN.search(text):
        return
    for match in _PHONE.finditer(text):
        raw = match.group(0).rstrip(" \t.-(")
        if raw.startswith("(") and ")" not in raw:
            raw = raw[1:]
        start = match.start() + match.group(0).find(raw)
        digits = sum(ch.isdigit() for ch in raw)
        if not 7 <= digits <= 15 or _NOT_A_PHONE.match(raw):
            continue
        before = _clause_before(text, start)
        # the raw words too: the clause cut stops at "no." ("fob no. 4 412 908 751")
        if _NOT_PHONE_CONTEXT.search(before) or _NOT_PHONE_CONTEXT.search(
            text, max(0, start - 30), start
        ):
            continue
        if _REFERENCE_BEFORE.search(text[max(0, start - 80) : start]):
            continue
        if _REGISTRATION_BEFORE.search(text[max(0, start - 60) : start]):
            continue
        if _SENDER_KEY_BEFORE.search(text, max(0, start - 40), start):
            continue  # '"from": "+441174960213"': a system's sending number in its config
        if _WORK_PHONE.search(text[max(0, start - 60) : start]):
            continue
        if _SWITCHBOARD_BEFORE.search(text, max(0, start - 30), start):
            continue  # "rappelé via le standard (04 78 ...)": whoever calls, it is the firm's
        after = _clause_after(text, start + len(raw))
        # "+44 (0)7700 900137": only a phone number is written with its trunk zero in brackets
        phone_context = bool(_PHONE_WORDS.search(before[-40:])) or "(0)" in raw
        formatted = raw[0] in "+0(" or bool(_GROUPED_DIGITS.search(raw))
        valid, business = _phone_verdict(raw, bool(_MOBILE_WORDS.search(before[-40:])))
        if not (valid and formatted) and not (phone_context and (formatted or digits >= 10)):
            continue
        if business:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        # a signature: a work address within 80 characters on the number's line (a long
        # note on one line may name a work account far from a personal mobile; session 7)
        near = text[max(line_start, start - 80) : min(line_end, start + len(raw) + 80)]
        if "@" in near and any(
            not _personal_domain(m.group("domain")) for m in _EMAIL.finditer(near)
        ):
            continue  # a signature line: "Tel: 01632 960100 | servicedesk@company.co.uk"
        own = _PERSONAL_PHONE_WORDS.search(before) or _OWN_PHONE_AFTER.match(after)
        if not own and _company_footer(text, start, start + len(raw)):
            continue  # "Ltd | Reg. office ... | Company no. 08812234 | 0113 496 0021"
        if _SUPPORT_LINE_BEFORE.search(before[-30:]) and not _OWN_PHONE_AFTER.match(after):
            continue  # "through their Benelux support line (+31 20 ...)": the vendor's line
        if not own and (_WORK_WORDS.search(before) or _WORK_WORDS.search(after)):
            continue
        if not own and _VENDOR_CASE_AFTER.search(after):
            continue
        yield start, start + len(raw), "phone"


# --- validated numbers: IBAN, payment cards, national IDs ----------------------------------

# "l'IBAN personale: inserito IT47 K030 ...": an IBAN named as one a few words before is a bank
# detail even when its check digits are wrong (typed by hand; session 7).
_IBAN_NAMED = re.compile(
    r"(?i)\b(?:iban|rib|bank\w*|konto\w*|rekening\w*|cuenta|conta|conto|compte)\b[^\n]{0,120}$"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_CARD = re.compile(
    r"(?<![\d-])(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\d-])"
)
# A card number written without spaces looks like any long number: it must also carry a
# card scheme's prefix and length, and no word before it may call it something else.
_CARD_UNSPACED = re.compile(r"(?<![\w.,/-])\d{13,19}(?![\w-]|[.,/]\d)")
_CARD_SCHEMES = (
    (re.compile(r"4"), (13, 16, 19)),  # Visa
    (re.compile(r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)"), (16,)),  # Mastercard
    (re.compile(r"3[47]"), (15,)),  # American Express
    (re.compile(r"6(?:011|5|4[4-9]|2)"), (16, 17, 18, 19)),  # Discover, UnionPay
    (re.compile(r"35(?:2[89]|[3-8]\d)"), (16, 17, 18, 19)),  # JCB
    (re.compile(r"3(?:0[0-5]|[68])"), (14,)),  # Diners Club
)
_NOT_CARD_CONTEXT = re.compile(
    r"(?i)(?:serial|s/n|\bsn\b|imei|iccid|imsi|meid|tracking|order|invoice|ticket|case|ref"
    r"|reference|asset|\bid\b|build|version|event|error|object|sid|account|acct|iban|sku|part"
    r"|model|licen[cs]e|key|hash|barcode|ean|upc|\#)\W{0,12}$"
)


def _card_scheme_ok(digits: str) -> bool:
    return any(prefix.match(digits) and len(digits) in lengths for prefix, lengths in _CARD_SCHEMES)


_DNI = re.compile(r"\b(?P<number>\d{8}|[XYZ]-?\d{7})-?(?P<letter>[A-Z])\b")
# "con el DNI de su hijo 48392017Y": after its keyword, a few words back, a DNI or NIE is one
# even with a wrong check letter (a mistyped DNI is still someone's; session 8).
_DNI_NAMED = re.compile(r"(?i)\b(?:dni|d\.n\.i\.?|nif|(?-i:NIE))(?:\W+\w+){0,4}?\W+$")
_CODICE_FISCALE = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b")
_NINO = re.compile(
    # QQ is HMRC's own example prefix, still written into payroll records as a real one.
    r"\b(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
_CPF = re.compile(r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b")
# A UK driving licence (DVLA): five letters of the surname padded with 9s, the birth date as
# decade, month (plus 50 for a woman), day and year digits, two initials padded with 9, a
# digit and two check characters: "MORGA657054SM9IJ". A national identity document, named or
# not (session 8).
_DRIVING_LICENCE = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][A-Z9]{4}) ?(?P<birth>\d{6}) ?[A-Z][A-Z9]\d[A-Z0-9]{2}(?![\w-])"
)
_PADDED_SURNAME = re.compile(r"[A-Z]+9*")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _driving_licence_ok(surname: str, birth: str) -> bool:
    """A surname padded only at its end, and a real month and day in the birth digits."""
    month, day = int(birth[1:3]), int(birth[3:5])
    month = month - 50 if month > 50 else month
    return (
        bool(_PADDED_SURNAME.fullmatch(surname))
        and 1 <= month <= 12
        and 1 <= day <= _DAYS_IN_MONTH[month - 1]
    )


# A country's own IBAN layout (its length, and where its bank code has letters): an IBAN of
# exactly that layout is one even when typed with a wrong check digit, if bank details are
# spoken of earlier in the note ("couldn't update his bank details ... put it in for him: GB47
# LOYD 3094 ..."; session 9).
_IBAN_LAYOUTS = {
    "GB": re.compile(r"[A-Z]{4}\d{14}"),
    "IE": re.compile(r"[A-Z]{4}\d{14}"),
    "NL": re.compile(r"[A-Z]{4}\d{10}"),
    "DE": re.compile(r"\d{18}"),
    "ES": re.compile(r"\d{20}"),
    "PT": re.compile(r"\d{21}"),
    "BE": re.compile(r"\d{12}"),
    "FR": re.compile(r"\d{10}[A-Z0-9]{11}\d{2}"),
    "IT": re.compile(r"[A-Z]\d{10}[A-Z0-9]{12}"),
}
_BANK_DETAILS_EARLIER = re.compile(
    r"(?i)\b(?:bank\s+(?:details|account)|iban|bankgegevens|bankverbindung|datos\s+bancarios"
    r"|coordonnées\s+bancaires|dados\s+banc[áa]rios|coordinate\s+bancarie)\b"
)


def _iban_layout_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    layout = _IBAN_LAYOUTS.get(compact[:2])
    return layout is not None and bool(layout.fullmatch(compact[4:]))


def _iban_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def luhn_ok(number: str) -> bool:
    """The payment-card check digit."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _dni_ok(number: str, letter: str) -> bool:
    number = number.replace("-", "")
    number = str("XYZ".index(number[0])) + number[1:] if number[0] in "XYZ" else number
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(number) % 23] == letter


def _cpf_ok(value: str) -> bool:
    digits = [int(ch) for ch in value if ch.isdigit()]
    if len(set(digits)) == 1:
        return False
    for size in (9, 10):
        total = sum(d * w for d, w in zip(digits[:size], range(size + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != digits[size]:
            return False
    return True


# Each number pattern opens with \b or a look-behind, which the regex engine tries at every
# position of the text. What every match of it holds, opening with a digit or a capital letter
# (which the engine can skip to), is looked for first: most notes hold none of these shapes.
_SHAPES = {
    _IBAN: re.compile(r"[A-Z][A-Z]\d\d(?: ?[A-Z0-9]{4}){2}"),
    _CARD: re.compile(r"\d\d{3}[ -]\d{4}"),
    _CARD_UNSPACED: re.compile(r"\d\d{12}"),
    _DNI: re.compile(r"\d\d{6}-?[A-Z]"),
    _CODICE_FISCALE: re.compile(r"[A-Z][A-Z]{5}\d\d"),
    _NINO: re.compile(r"\d\d ?\d\d ?\d\d ?[A-D]"),
    _CPF: re.compile(r"\d\d\d\.\d{3}\."),
    _DRIVING_LICENCE: re.compile(r"[A-Z][A-Z9]{4} ?\d{6}"),
}


def _any_shape(first: str) -> re.Pattern[str]:
    """The shapes that open with `first`, in one search: one pass over a text without any."""
    rests = [
        shape.pattern[len(first) :] for shape in _SHAPES.values() if shape.pattern.startswith(first)
    ]
    return re.compile(rf"{first}(?:{'|'.join(rests)})")


_ANY_SHAPE = (_any_shape(r"\d"), _any_shape("[A-Z]"))


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, looked for only in a text that holds their shape."""
    return pattern.finditer(text) if _SHAPES[pattern].search(text) else iter(())


def _number_hits(text: str, lowered: str) -> Iterator[Hit]:
    if not any(shape.search(text) for shape in _ANY_SHAPE):
        return
    for match in _matches(_IBAN, text):
        named = _IBAN_NAMED.search(text, max(0, match.start() - 60), match.start()) or (
            _iban_layout_ok(match.group(0))
            and _BANK_DETAILS_EARLIER.search(text, max(0, match.start() - 400), match.start())
        )
        if (
            (_iban_ok(match.group(0)) or named)
            and not COMPANY_ACCOUNT.search(text, max(0, match.start() - 45), match.start())
            and not company_named_after(text, match.end())
        ):
            yield match.start(), match.end(), "bank_account"
    for match in _matches(_CARD, text):
        if luhn_ok(match.group(0)):
            yield match.start(), match.end(), "payment_card"
    for match in _matches(_CARD_UNSPACED, text):
        digits = match.group(0)
        if (
            luhn_ok(digits)
            and _card_scheme_ok(digits)
            and not _NOT_CARD_CONTEXT.search(_clause_before(text, match.start(), 40))
        ):
            yield match.start(), match.end(), "payment_card"
    for match in _matches(_DNI, text):
        if _dni_ok(match.group("number"), match.group("letter")) or _DNI_NAMED.search(
            text, max(0, match.start() - 50), match.start()
        ):
            yield match.start(), match.end(), "national_id"
    for match in _matches(_CODICE_FISCALE, text):
        yield match.start(), match.end(), "national_id"
    for match in _matches(_NINO, text):
        yield match.start(), match.end(), "national_id"
    for match in _matches(_CPF, text):
        if _cpf_ok(match.group(0)):
            yield match.start(), match.end(), "national_id"
    for match in _matches(_DRIVING_LICENCE, text):
        if _driving_licence_ok(match.group("surname"), match.group("birth")):
            yield match.start(), match.end(), "national_id"


DETECTORS: tuple[Callable[[str, str], Iterator[Hit]], ...] = (
    personal_keyword_hits,
    answered_birth_date_hits,
    sentence_birth_date_hits,
    national_id_hits,
    _number_hits,
    _email_hits,
    _phone_hits,
    address_hits,
    untyped_home_hits,
)


def personal_hits(text: str, lowered: str | None = None) -> list[Hit]:
    """Every piece of personal data found, unsorted and possibly overlapping."""
    lowered = text.lower() if lowered is None else lowered
    return [hit for detector in DETECTORS for hit in detector(text, lowered)]

"""Personal phone numbers, validated with the ``phonenumbers`` library (Google's
libphonenumber metadata): a number is personal unless the words around it say it belongs to
the business (office, reception, main line, support line, DID, extension, toll-free), a
signature or a firm's footer (moved out of :mod:`kbassist.hygiene.personal_detectors` in
session 9)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from kbassist.hygiene.addresses import in_signature_block
from kbassist.hygiene.emails import (
    EMAIL,
    clause_after,
    clause_before,
    personal_domain,
    sent_from_a_firm,
)
from kbassist.hygiene.identifiers import register_number
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_words import RANGE_AFTER, another_number
from kbassist.hygiene.phone_owners import (
    MAIN_LINE_WORDS,
    PERSONAL_NAMED,
    PERSONAL_PHONE_WORDS,
    ROLE_CELL,
    WEB_OR_DISCLAIMER_CELL,
    WORK_AGENT,
    WORK_LINE_FAR,
    WORK_PHONE,
    WORK_PHONE_AFTER,
    WORK_WORDS,
    own_phone_earlier,
)
from kbassist.hygiene.regex_guard import guarded

# --- phone numbers -------------------------------------------------------------------------

# Regions tried for numbers written without a country code: a leading 0 is the trunk prefix
# of most European numbering plans; without it, North American or Iberian/Italian formats.
TRUNK_ZERO_REGIONS = ("GB", "DE", "NL", "FR", "IT", "BE", "AT", "CH", "IE", "AU", "ZA", "NZ")
NO_TRUNK_REGIONS = ("US", "CA", "ES", "PT", "IT")
# never inside a path or a file name: "C:\\Windows\\Minidump\\031125-9421-01.dmp" (session 9)
# one slash may part the area code ("0171/4482913", "05251 / 39 48 72"; session 11)
_NUMBER = (
    r"(?:\+|00)?\(?\d[\d \t().-]{1,8}(?:[ \t]?/[ \t]?\d)?[\d \t().-]{3,22}\d"
    r"(?![\w-]|[.:/]\d|\.[a-z]{2,4}\b)"
)
_PHONE = re.compile(r"(?<![\w+/\\.:#-])" + _NUMBER)
# after a URI's "tel:" too, where "tel:" stands: "tel:+447355064506" (session 26, blind171)
_TEL_PHONE = re.compile(r"(?<=\btel:)" + _NUMBER)


def _phones(text: str) -> list[re.Match[str]]:
    """The numbers in the text, "tel:" ones among them, in their order."""
    found = list(_PHONE.finditer(text))
    if "tel:" in text:
        tel = list(_TEL_PHONE.finditer(text))
        found = [m for m in found if all(m.end() <= t.start() or t.end() <= m.start() for t in tel)]
        found = sorted([*found, *tel], key=lambda match: match.start())
    return found


# (a French number in dots, 06.48.21.77.09, is none of these; session 11)
_NOT_A_PHONE = re.compile(
    r"""(?x)^(?!0\d(?:\.\d\d){4}$)(?:
        \d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2})?   # date
      | \d{4}-\d{2}-\d{2}.*                              # ISO date
      | (?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d              # a range of years: 2011-2014
      | (?:19|20)\d\d-\d{5,7}                          # a year's reference: 2024-118903
      | \d+(?:\.\d+){2,}                                 # version or IP
      | .*\d[ \t]{3,}\d.*                               # a table's columns (session 14)
      | [245]\d\d\s[245]\.\d{1,3}\.\d{1,3}                 # SMTP status: 550 5.7.520
      | \d{6}(?:-\d{6})+                                 # recovery key groups
      | [1-9]\d{3,5}\.\d{1,5}                             # build.revision (22631.4317)
      | \d+\.\d\s\d+                                     # a table's decimal, then a number
      | \d{1,3}(?:\.\d{1,3}){3}(?:-\d{1,3}(?:\.\d{1,3}){0,3})?.*  # IP address or range
      | \d{2}-\d{4}-\d{4}-\d{4}-\d                     # a ski pass's KeyCard number (s. 35)
      | (?:\+|00)8(?:70|81)\b.*            # a satellite phone's (Inmarsat, Iridium): a vessel's
    )$"""
)
_PHONE_WORDS = guarded(
    r"(?i)(?:phone|tel\b|tel\.|telephone|mobile|mob\b|cell|call|ring|reach|contact|number|nr\b"
    r"|no\.|nummer|handy|telefon|rufnummer|móvil|movil|celular|teléfono|telefono|número|numero"
    r"|portable|téléphone|numéro|mobiel|telefoon|gsm|telemóvel|telemovel|cellulare|whatsapp"
    r"|sms|text|signal|on\s*$"
    # a call asked for in the other languages: "rufen Sie mich privat an: 0176 ..." (session 16)
    r"|rufen|anrufen|bellen|appele[rz]|ll[aá]m[ae]|chiam[ai]|ligue|liga[r])"
)
_OWN_NUMBER = re.compile(r"(?i)\b(?:pessoal|personal|privado|particular|personale|privato)\W*$")
# Number types that only a business has (phonenumbers.PhoneNumberType names).
_BUSINESS_TYPES = ("TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN", "VOICEMAIL")

# The firm's switchboard named right before the number overrides "she" or "his" around it. "cell
# 082 514 7730 (his own phone, ...)": whose phone it is, said right after the number.
_OWN_PHONE_AFTER = re.compile(
    r"(?i)\W{0,3}(?:(?:which|that)\s+(?:is|was)\s+)?"  # ", which is her own phone" (session 16)
    r"(?:his|her|their|own|personal|private|perso|privé|privat\w*|su|son|sa|seu"
    r"|sua|suo|zijn|haar|sein|ihr"
    # the owner's own words in a quoted signature: "mob 07890 ... (my own phone, no office)"
    # (session 26, blind167 read)
    r"|my|mijn|mein|mon|mi|meu|mio)\s+(?:(?:own|personal|private|mobile|eigen|eigenes|propio"
    r"|próprio|proprio|personnel)\s+)?"
    r"(?:phone|mobile|cell|number|handy|portable"
    r"|m[óo]vil|telem[óo]vel|cellulare|mobiel|gsm|n[úu]mero|nummer|numéro)"
    # "text me on 07623 118 904 when ..., thats my own phone not the work one" (session 17)
    r"|[^.\n]{0,40}?\b(?:that'?s|that’s|thats|it'?s|its|this\s+is)\s+my\s+(?:own\s+|personal\s+"
    r"|private\s+)?(?:phone|mobile|number|cell)"
    # "07467 290318 (the patient's own mobile)": whose, named (session 18)
    # (a person's: not "Fax DID 0161 ... (clinic's own number)")
    r"|\W{0,3}\(?(?:the\s+)?(?:patient|user|caller|customer|tenant|pupil|student|resident"
    r"|employee|member|guest|(?-i:[A-Z][a-z]+))['’]s\s+(?:own|personal|private)\s+(?:mobile|phone"
    r"|cell|number)"
    # "es el 634 218 907, el mío personal", "which turned out to be the transport planner's own
    # phone" (session 20)
    r"|\W{0,3}(?:el|la|o|a|il|le)\s+m[íi]?[oa]\s+(?:personal|particular|privad[oa]|pessoal"
    r"|privat[oa])\b|\W{0,3}(?:which|that)\s+(?:turned\s+out\s+to\s+be|was|is)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}[\w-]+['’]s\s+own\s+(?:phone|mobile|cell)"
    # "'07456 118 392 (personal)'": the word alone in brackets (session 9)
    # or first in them: "(personal, no company phone yet)" (session 14)
    r"|\W{0,3}\((?:personal|private|priv[ée]|privat|pessoal|privato|particular|perso)\b"
    # the next field of a config line says so: "nummer: '+49 171 ...', hinweis: 'privat'"
    # (session 17)
    r"|['\"]?[ \t]*[,;][ \t]*[\w-]{2,20}[ \t]*[:=][ \t]*['\"]?(?:personal|private|priv[ée]|privat"
    r"|pessoal|privato|particular|perso)\b"
    # or a comment after it: 'phone: "07481 ..."   # own mobile', '# móvil propio' (session 28)
    r"|['\"]?[ \t]*(?:#|//)[ \t]*(?:(?:own|personal|private|privat\w*)\s+(?:mobile|phone|number"
    r"|handy)|(?:m[óo]vil|telem[óo]vel|cellulare|portable|mobiel)\s+(?:propio|pr[óo]prio|proprio"
    r"|perso\w*|privat\w*|eigen|pessoal|personal[e]?))\b"
)


# "ring me on +44 7911 204 835 or brenda.kettle@btinternet.com": a number given together with
# a personal mailbox is the person's own (session 11)
_OR_MAILBOX = re.compile(r"[ \t]*(?:,|/|or|oder|ou|o|of|e|and)[ \t]+(?=\S+@)")


def _with_personal_mailbox(text: str, end: int) -> bool:
    joined = _OR_MAILBOX.match(text, end)
    mailbox = EMAIL.match(text, joined.end()) if joined else None
    return mailbox is not None and personal_domain(mailbox.group("domain"))


_NEXT_NUMBER = re.compile(r"\W{0,3}[+(]?\d")
# Whose the number is, said in the next line or sentence, no other number between: a pasted
# export's row, then "Jess confirmed it's her own mobile", "El teléfono es su móvil particular",
# "That is the former practice manager's own mobile" (session 26, blind171 read)
# (said to be: not "moved to it from her personal mobile", "Nessun cellulare personale")
_OWN_PHONE_NEXT = guarded(
    # (or "that's": "it's oh seven nine ..., that's his own mobile not the work one"; session 29)
    r"(?i)[^\d]{0,100}?\b(?:it'?s|it’s|that'?s|that’s|is|was|es|era|é|est|ist|è)\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:own|personal|private|particular|pessoal|privé|privat|privato|persoonlijke?|eigen)"
    r"\s+(?:mobile|phone|cell|m[óo]vil|telem[óo]vel|cellulare|mobiel|handy|number)"
    r"|(?:m[óo]vil|telem[óo]vel|cellulare|mobiel|handy|mobile)\s+(?:particular|pessoal|personal"
    r"|personale|privato|privé|privat))\b"
)
_NEGATION = re.compile(r"(?i)\b(?:not|no|isn'?t|wasn'?t|nicht|kein\w*|niet|geen|não|non|pas|ni)\b")


def _own_next(text: str, end: int) -> bool:
    """Whether the words after a number, in its line or the next, say it is someone's own."""
    said = _OWN_PHONE_NEXT.match(text, end)
    return said is not None and not _NEGATION.search(said.group(0)[-45:])


def _own_after(after: str) -> bool:
    """Whether the words right after a number say whose it is, not the next number's label:
    "Office 01632 960100, her mobile 07700 900123" names the second, not the first (session 11)."""
    said = _OWN_PHONE_AFTER.match(after)
    return said is not None and not _NEXT_NUMBER.match(after, said.end())


# What stands between two numbers of one list: a comma or "and", perhaps a place's name.
_LIST_GAP = re.compile(r"[ \t]*(?:,|;|/|and|und|et|en|y|e)?[ \t]*(?:[A-Z][\w'’-]+[ \t:]*){0,2}")
# Between two numbers of one list or range of references, with no name between (session 18)
# (or the same number as a device misread it: "card number (0460 1182 7395 read as 460 1182
# 7395)"; session 29, blind210 read)
_NUMBER_GAP = re.compile(
    r"[ \t]*[,;/]?[ \t]*(?:and|und|et|en|y|e|à|a|to|bis|tot|até|al"
    r"|(?:read|scanned|shown|displayed)\s+as|->|→)?[ \t]*"
)
# A person named with a title right before the number: "patient 'Mrs Olwen Price, 07812 ..."
# (session 9).
_TITLED_NAME_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Herr|Frau|Mme|Mlle|Mevr|Dhr|Sr|Sra|Sig|Sig\.ra|Dña|Dª)\.?\s+"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+\W{0,3}$"
)
# A support line named right before the number, whoever's "their" stands further back.
_SUPPORT_LINE_BEFORE = re.compile(
    r"(?i)\b(?:support|help|service|hot|customer)[\s-]?(?:line|desk|number)|hotline|helpline"
    r"|linha\s+de\s+apoio|l[íi]nea\s+de\s+(?:soporte|atención)|ligne\s+d'assistance"
    r"|servicelijn|supportlijn|linea\s+(?:di\s+)?assistenza"
    # (the vendor's name in capitals: not "emailed support her mobile 07702 ..."; session 25)
    r"|(?:suporte|soporte|support|assistance|assistenza|kundendienst)(?:\s+(?-i:[A-Z])[\w-]+){1,2}"
    r"\W{0,3}$"
)
# An e-mail signature template holds the organisation's numbers (session 9).
_SIGNATURE_TEMPLATE = guarded(
    r"(?i)\b(?:signature|signatur|handtekening|firma\s+(?:de\s+)?(?:correo|e-?mail)|assinatura)"
    # (or on the lines under its heading: "Neue Signatur ... hinterlegt:\nMarkus Heinz |
    # Vertriebsleiter\nTel. +49 89 ..."; session 37, blind379 read)
    r"\b[^\n]{0,160}(?::[ \t]*\n(?:[^\n]{0,80}\n){0,3}[^\n]{0,60})?$"
)
# "Called Sage on 0191 479 5999, outage confirmed, case 09912345": a number that opened a
# vendor's case in the same sentence is the vendor's line (session 9).
_VENDOR_CASE_AFTER = guarded(
    r"(?i)\b(?:case|caso|fall|dossier|zaak|incident|incidencia|chamado|sr)\s*(?:no\.?|number"
    r"|nr\.?|n[º°]|\#|ref)?\s*[:#]?\s*(?:[A-Z]{1,4}-?)?\d{5,}"
)
# The place's own line too: "callback on the shop landline (0113 ...", "their office line
# 01628 ...", "Call the club line 0113 ..."; "reception on 0117 ... (clinic main line)", said
# after (session 11).
_SWITCHBOARD_BEFORE = guarded(
    r"(?i)(?<!no )(?<!without )\b(?:" + MAIN_LINE_WORDS + r"|reception"
    r"|accueil|receptie|recepción|receção|front\s+desk"
    r"|(?:shop|office|club|clinic|school|practice|surgery|company|business|store|firm|site"
    r"|salon|studio|hotel|depot|warehouse|yard|branch|factory)(?:['’]s)?\s+(?:landline|line"
    r"|number|phone|tel\.?)"
    # a ward's or a care home's nurses' phone: "nurse station 01943 ..." (session 25)
    r"|nurses?['’]?\s+station|nursing\s+station"
    # the firm's general number: "Het algemene nummer 040 242 8629 bleef bereikbaar" (session
    # 30, blind221 read)
    r"|algeme(?:en|ne)\s+(?:tele(?:foon)?)?nummer|allgemeine\s+(?:ruf)?nummer"
    r"|num[ée]ro\s+g[ée]n[ée]ral|n[úu]mero\s+general|numero\s+generale"
    # a workplace's fixed line in the other languages: "ligne fixe du cabinet 04 67 ..."
    # (session 24), "la ligne du cabinet, 04 76 ..." (session 27, blind183 read)
    r"|(?:(?:ligne|l[íi]nea|linea|linha|lijn)(?:\s+(?:fixe|directe))?|t[ée]l[ée]phone\s+fixe|tel[ée]fono\s+fij[oa]|telefone\s+fixo"
    r"|telefono\s+fisso|festnetz\w*|vaste\s+(?:lijn|nummer)|fij[oa]|fixo|fisso)\s+(?:du|de\s+la"
    r"|de\s+l'|del|de"
    r"|do|da|della|dello|dell'|der|des|vom|van\s+(?:de|het))\s*(?:cabinet|bureau|agence"
    r"|soci[ée]t[ée]|societ[àa]|entreprise|magasin|boutique|oficina|empresa|tienda|cl[íi]nica|clinique"
    r"|escrit[óo]rio|loja|ufficio|azienda|negozio|studio|praxis|kanzlei|firma|b[üu]ros?"
    r"|kantoor|praktijk|winkel|notar[íi]a|gestor[íi]a|farmacia|pharmacie|centro|colegio"
    # a charity's or a parish's premises: "el teléfono fijo del local, 923 ..." (session 30)
    r"|local|sede|club|parroquia|iglesia|asociaci[óo]n|associa[çc][ãa]o|igreja|chiesa|parrocchia"
    r"|paroisse|[ée]glise|kirche|gemeinde|kerk|parochie|vereniging|verein|associazione"
    r"|instituto|escuela|[ée]cole|coll[èe]ge|lyc[ée]e|scuola|istituto|escola|schule|school|cabine)"
    # a number the firm publishes: "on their published number", "from their website (", "het
    # algemene nummer op hun website," (session 15)
    r"|published(?:\s+(?:number|line|nummer))?|public\s+(?:number|line)|website|letterhead|webseite"
    r"|sitio\s+web"
    # a directory's work attributes: "BusinessPhones : {0131 ...}", "telephoneNumber" (session 16)
    r"|business_?phones?|telephone_?number|office_?phone"
    # "dal numero del ristorante 02 8741 3360" (session 18)
    r"|(?:numero|número|numéro|nummer)\s+(?:del|de(?:l)?|du|van\s+het|do|da)\s+(?:ristorante"
    r"|restaurante|restaurant|hotel|albergo|hôtel|negozio|tienda|magasin|winkel|loja)"
    r"|site\s+web|sito\s+web)(?:\s+(?:on|is|at|es(?:\s+el)?))?\W{0,4}$"
)
# a Teams user's or an auto attendant's number: "LineURI ... tel:+441174962845", '"lineUri":
# "tel:+44..."' (session 28, blind199 read)
_LINE_URI = re.compile(r"(?i)line_?uri")
# a conference bridge's number, its meeting ID dialled after it: "+44 20 3321 5208,,782413659#"
_DIAL_IN_AFTER = re.compile(r",,\d{4,}#")
_SWITCHBOARD_AFTER = re.compile(
    # not "(private landline)" (session 14)
    r"(?i)[ \t]*\((?:(?!(?:private|home|personal|own|privat\w*|priv[ée]e?)\b)[\w'’-]+\s+){0,2}"
    r"(?:main\s+line|switchboard|reception|landline|hotline"
    r"|(?:office|shop|club|clinic)\s+(?:line|number)"
    # "(the vendor's support line)", "(their service desk)" (session 12)
    r"|(?:support|service|help|sales|helpdesk|servicedesk)\s*(?:line|desk|number|team)"
    r"|(?:support|service\s*desk|help\s*desk)|answering\s+service|out[\s-]of[\s-]hours"
    r"|after[\s-]hours|night\s+service)\)"
    # "07700 900 552 (company-issued, on the phone list)" (session 15)
    r"|[ \t]*\((?:company|work|business)[- ](?:issued|owned|provided|phone|mobile)\b"
    # "Rufnummer 0171 5530892 (Firmenvertrag)" (session 30, blind223 read)
    r"|[ \t]*\((?:firmen|dienst|gesch[äa]fts|bedrijfs|zakelijk)\w*\)"
    # "SIM 07432 119806 on the agency's contract" (session 25, blind154 read)
    r"|[ \t]+on\s+(?:the|our|their)\s+(?:company|business|agency|firm|practice|school"
    r"|council|trust|club)['’]?s?\s+(?:contract|tariff)\b"
    # an extension dialled after it: "0161 832 5570 ext 12", "910 482 330 ext. 21" (session
    # 29, blind209 and blind212 read)
    r"|[ \t]*,?[ \t]*(?:ext|extn|extension|extensi[óo]n|extens[ãa]o|estensione|interno|durchwahl"
    r"|toestel|poste)\.?[ \t]*\d{1,5}\b"
    # "07800 000 000 is a placeholder on the website" (session 12)
    r"|[ \t]+(?:is|was)\s+(?:a|the)\s+(?:placeholder|dummy|fake)\b"
    # "phone numbers as 07700 900 000 (Ofcom drama range)": a number no one has
    r"|[ \t]*\((?:[\w'’-]+\s+){0,2}(?:drama|fictional|dummy|fake|placeholder)\b"
)
# A firm's footer: its registration on the number's line ("Ltd | Reg. office 22 Kirkstall
# Road, Leeds | Company no. 08812234 | 0113 496 0021"), or its legal name on a line laid out
# with bars or bullets (session 8).
_FOOTER_REGISTRATION = guarded(
    # (not a patient's "GP-registered address"; session 32, blind269 read)
    r"(?i)\b(?:(?<!-)reg(?:istered)?\.?\s+(?:office|address|in\b)|company\s+(?:no\b|number|reg)"
    r"|vat\s+(?:no\b|number|reg)|handelsregister|amtsgericht|hrb\b|kvk\b|siret|siren\b|rcs\b"
    r"|p\.\s?iva|partita\s+iva|registro\s+mercantil|\bcif\b|nipc|ust-?id\w*"
    r"|sede\s+(?:legale|social)|siège\s+social|registergericht"
    # a firm's website footer or its NHS practice code (session 15)
    r"|website\s+footer|ods\s+code)"
)
_FOOTER_LEGAL_NAME = re.compile(
    r"\b(?:Ltd|Limited|LLP|PLC|plc|GmbH|AG|SARL|SAS|B\.V|N\.V|S\.L|S\.A|S\.r\.l|S\.p\.A|Lda)\b"
)
_FOOTER_BARS = re.compile(r"[|•·]|\s[–—]\s")
# a firm's trade in its name on a line laid out with bars: "Sutton Veale Architects, The Old
# Granary, ... | 01632 960112" (session 16)
_FIRM_NOUN = re.compile(
    r"\b(?:Architects|Solicitors|Accountants|Surveyors|Opticians|Estate\s+Agents|Dental"
    r"|Veterinary|Vets|Builders|Engineers|Consultants|Associates|Partners|& Co"
    # in a quoted signature: "Notariskantoor De Ruiter |", "Studio Dentistico Moretti –"
    # (session 18)
    r"|Studio|\w*[Kk]antoor|Notaris|Notaio|Notaire|Notar|Kanzlei|Cabinet|Étude|Praxis"
    r"|Advocaten|Abogados|Avvocati|Architetti|Arquitectos|Architekten)\b"
)
_LEGAL_NAME_THEN_COMMA = re.compile(rf"(?:{_FOOTER_LEGAL_NAME.pattern}),")


def _names_a_mail_domain(text: str, line: str) -> bool:
    """Whether a cell of a line laid out with bars names the firm of a work mailbox in the text:
    "Hannah Lowe | Pixel Foundry | 0117 ..." under "From: ... <hannah@pixelfoundry.co.uk>"
    (session 28, blind195 read)."""
    firms = {
        domain.split(".")[0].lower().replace("-", "")
        for domain in (match.group("domain") for match in EMAIL.finditer(text))
        if not personal_domain(domain)
    }
    # (not a cell holding the mailbox itself: "Target: l.fenwick@harrowgate-vets.co.uk | Method:
    # phone | Value: 07338 ..." is an audit log's row; blind199 read)
    cells = [_NOT_A_LETTER.sub("", cell.lower()) for cell in line.split("|") if "@" not in cell]
    return any(len(firm) >= 5 and firm in cell for firm in firms for cell in cells)


_NOT_A_LETTER = re.compile(r"[^a-z]")


def company_footer(text: str, start: int, end: int, table_rows: bool = True) -> bool:
    """Whether the number stands in a firm's footer or signature line (a markdown table's
    row counts as one unless ``table_rows`` is False)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    near = text[max(line_start, start - 160) : min(line_end, end + 160)]
    if _FOOTER_REGISTRATION.search(near):
        return True
    if (_FOOTER_LEGAL_NAME.search(near) or _FIRM_NOUN.search(near)) and _FOOTER_BARS.search(near):
        return True
    line = text[line_start:line_end]
    if "|" in line and (
        ROLE_CELL.search(line)
        or WEB_OR_DISCLAIMER_CELL.search(line)
        or ("@" in text and _names_a_mail_domain(text, line))
    ):
        return True  # "Dawn Fletcher | Credit Controller | 01473 ...", "Tel. ... | www.firm.pt"
    # a signature block under a line of name, role and firm, or a firm's contact line: "Harbour
    # Kite & Surf Ltd, 12 Main Street, Seahouses NE68 7RD, tel 01665 720 331" (session 12)
    if in_signature_block(text, line_start, table_rows) or _LEGAL_NAME_THEN_COMMA.search(
        text, max(line_start, start - 100), start
    ):
        return True
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    # a quoted vendor footer, one item a line: "> Zebra Technologies Europe Ltd, Dukes
    # Meadow, ...\n> Phone +44 1628 000 000" (session 9)
    return text[line_start : line_start + 1] == ">" and bool(
        _FOOTER_LEGAL_NAME.search(text, above, line_start)
    )


_MOBILE_WORDS = guarded(
    r"(?i)\b(?:mobile|mob|cell|handy|m[óo]vil|celular|portable|mobiel|gsm|telem[óo]vel"
    r"|cellulare)\b"
)


# A phone hit needs seven digits with only separators between them (the count of 7 to 15
# below), and _PHONE opens with a look-behind that the regex engine tries at every position:
# this search, which the engine can skip to the next digit for, runs first.
_SEVEN_DIGIT_RUN = re.compile(r"\d(?:[ \t()./-]*\d){6}")
_GROUPED_DIGITS = re.compile(r"\d[ .-]\d")


# "+447700900291", "07700 900246": the mobile range Ofcom keeps for drama, which the
# phonenumbers library calls invalid; notes and test data write it for someone's mobile, and
# a number that is a placeholder says so ("(Ofcom drama range)", _SWITCHBOARD_AFTER)
# (session 16)
_DRAMA_MOBILE = re.compile(r"(?:\+44[ \t]?|0044[ \t]?|0)7700[ \t]?900[ \t]?\d{3}")


@cache
def _keep_compiled_patterns() -> None:
    """Let phonenumbers keep every regex it compiles (it compiles its metadata's on each use,
    and the re module's own cache of 512 lost them among the detectors'); a release without
    the switch compiles as before."""
    from phonenumbers import re_util

    enable = getattr(re_util, "enable_pattern_cache", None)
    if enable is not None:
        enable()


@lru_cache(maxsize=4096)
def _phone_verdict(raw: str, mobile: bool = False) -> tuple[bool, bool]:
    """(valid somewhere, a business-only number type) for a candidate number. When the text
    calls it a mobile, a region where it is a mobile wins ("087 900 4418": an Irish mobile,
    not a UK shared-cost number)."""
    import phonenumbers  # imported on the first candidate: its metadata is large

    _keep_compiled_patterns()
    business = {getattr(phonenumbers.PhoneNumberType, name) for name in _BUSINESS_TYPES}
    number = raw.strip()
    if _DRAMA_MOBILE.fullmatch(number):
        return True, False  # Ofcom's drama range stands in for a mobile in written notes
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


_NON_DIGIT = re.compile(r"\D")


# A German or Austrian office number written with its extension after a hyphen (session 16)
_DURCHWAHL = re.compile(r"0\d{2,5}[ /]\d[\d ]{2,10}-\d{1,4}")


# a work e-mail right before, as a contact card gives them: "Customer contact is their
# telephony manager, r.ashworth@medwayinsurance.co.uk, 029 2298 ..." (session 37, blind371 read)
# (written as prose, a comma and a space; not a CSV row's column)
_MAIL_RIGHT_BEFORE = re.compile(r"@(?P<domain>[\w-]+(?:\.[\w-]+)+),[ \t]+$")


def _firms_line_before(text: str, start: int, end: int, own_earlier: bool) -> bool:
    """Whether the words right before make the number a work phone or the firm's line: "Her DDI
    0161 ...", "rappelé via le standard (04 78 ...)"; not when it was called someone's own
    earlier ("her personal mobile instead of the site phone: 07943 ...") or right after ("under
    her direct line, 07700 ..., which is her own phone"; session 16)."""
    if own_earlier:
        return False
    mail = _MAIL_RIGHT_BEFORE.search(text, max(0, start - 90), start)
    if mail and not personal_domain(mail.group("domain")):
        return not _own_after(clause_after(text, end))  # a contact's work mail, then the number
    if _DURCHWAHL.fullmatch(text, start, end):
        return True  # "Tel. 0621 48 3312-40": a switchboard's number and an extension
    if WORK_PHONE.search(text[max(0, start - 60) : start]) or WORK_LINE_FAR.search(
        text, max(0, start - 220), start
    ):
        return not _own_after(clause_after(text, end))
    return bool(_SWITCHBOARD_BEFORE.search(text, max(0, start - 30), start))


def _named_work_earlier(text: str, start: int, raw: str) -> bool:
    """Whether the same number stood earlier as the firm's line (session 16)."""
    found = text.rfind(raw, 0, start)
    while found != -1:
        if _SWITCHBOARD_BEFORE.search(text, max(0, found - 30), found) or WORK_WORDS.search(
            WORK_AGENT.sub(" ", clause_before(text, found))
        ):
            return True
        found = text.rfind(raw, 0, found)
    return False


def _work_address_near(text: str, start: int, end: int) -> bool:
    """A work address within 80 characters on the number's line: a signature (a long note on
    one line may name a work account far from a personal mobile; session 7); not a contact
    list's "cell. personale 347 ..." beside a colleague's work address."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    near = text[max(line_start, start - 80) : min(line_end, end + 80)]
    return "@" in near and any(not personal_domain(m.group("domain")) for m in EMAIL.finditer(near))


def _next_of_list(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the number follows one the words made something else's, in the same list or
    range, and nothing after calls it someone's own (session 18)."""
    return (
        0 <= previous_end <= start <= previous_end + 12
        and _NUMBER_GAP.fullmatch(text, previous_end, start) is not None
        and not _own_after(clause_after(text, end))
    )


def _a_personal_line(raw: str, before: str, digits: int, own_earlier: bool) -> bool:
    """Whether a candidate is a valid number of a kind a person has (not a business-only
    type), written as one or named as one by the words before."""
    # "+44 (0)7700 900137": only a phone number is written with its trunk zero in brackets
    phone_context = bool(_PHONE_WORDS.search(before[-40:])) or "(0)" in raw or own_earlier
    formatted = raw[0] in "+0(" or bool(_GROUPED_DIGITS.search(raw))
    mobile_named = bool(_MOBILE_WORDS.search(before[-40:]))
    valid, business = _phone_verdict(raw, mobile_named)
    # a Spanish or Portuguese mobile is nine digits, often written unparted: "su móvil
    # personal, 612448391", "o telemóvel pessoal dela 912348775" (session 21)
    # (or named personal: "podem ligar-lhe para o número pessoal 921243203"; session 23)
    # (or named personal a sentence before: "no telemóvel pessoal ... Deu o número, 916 ...";
    # session 28, blind193 read)
    iberian = (
        digits == 9
        and valid
        and (mobile_named or own_earlier or bool(_OWN_NUMBER.search(before[-30:])))
    )
    if not (valid and formatted) and not (phone_context and (formatted or digits >= 10 or iberian)):
        return False
    return not business


def _signed_by_a_firm(text: str, start: int, end: int) -> bool:
    """Whether the number stands in a firm's signature: a line with a work address ("Tel:
    01632 960100 | servicedesk@company.co.uk"), a firm's footer ("Ltd | Reg. office ... |
    Company no. 08812234 | 0113 496 0021"), or a mail pasted under a firm's sender, its line
    calling nothing personal (not "on 07482 ... as listed on the order form (personal mobile
    supplied by customer)"; session 29, blind224 read)."""
    if _work_address_near(text, start, end) or company_footer(text, start, end):
        return True
    line_end = text.find("\n", start)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end == -1 else line_end]
    return sent_from_a_firm(text, start) and PERSONAL_PHONE_WORDS.search(line) is None


_MASKED_REST = re.compile(r"[ ]?[xX]{2,4}\b")
# published: "Added +39 02 4909 4003 to the contact page and the footer" (session 32, blind279)
_PUBLISHED_AFTER = re.compile(
    r"(?i)[ \t]+(?:to|on|in)[ \t]+the[ \t]+(?:contact[ \t]+page|website|web[ \t]+site|footer"
    r"|letterhead|e-?mail[ \t]+signature)"
)


def _firms_or_masked_after(text: str, end: int, own_earlier: bool) -> bool:
    """ ", an Otis company phone" after the number; "(0343 45 12 xx)", a range of extensions;
    " to the contact page", published (not someone's own put there: "... to be his own mobile
    ... Changed it to 07966 ... on the contact page")."""
    return bool(
        WORK_PHONE_AFTER.match(text, end)
        or _MASKED_REST.match(text, end)
        or (not own_earlier and _PUBLISHED_AFTER.match(text, end))
    )


def _next_in_list(text: str, last_end: int, start: int) -> bool:
    """Whether a number follows the last one as the next of a list (moved out of phone_hits)."""
    return 0 <= last_end <= start <= last_end + 40 and bool(
        _LIST_GAP.fullmatch(text, last_end, start)
    )


def phone_hits(text: str, lowered: str) -> Iterator[Hit]:
    if not _SEVEN_DIGIT_RUN.search(text):
        return
    work_end = -1  # where the last number the words made a business's ended
    own_end = -1  # where the last number called someone's own ended
    other_end = -1  # where the last number the words made something else's ended (session 18)
    # the digits of numbers the words made a business's: the same number again later is the
    # business's too ("the sales number 0161 ... Rang 0161 ... from my mobile"; session 17)
    work_numbers: set[str] = set()
    for match in _phones(text):
        raw = match.group(0).rstrip(" \t.-(")
        if raw.startswith("(") and ")" not in raw:
            raw = raw[1:]
        start = match.start() + match.group(0).find(raw)
        digits = sum(ch.isdigit() for ch in raw)
        if not 7 <= digits <= 15 or _NOT_A_PHONE.match(raw) or (digits == 15 and raw.isdigit()):
            continue
        before = clause_before(text, start)
        if (
            another_number(text, start, before)
            or register_number(text, start, raw)
            or RANGE_AFTER.match(text, start + len(raw))
        ):
            other_end = start + len(raw)
            continue
        if _next_of_list(text, other_end, start, start + len(raw)):
            other_end = start + len(raw)  # "ritnummers 2406-0417, 2406-0418 en 2406-0422"
            continue
        # called someone's own earlier: "her personal mobile ... until her work phone arrives:
        # 07402 ...", "to her personal mobile ... Added +44 7911 302 577" (session 10)
        own_earlier = own_phone_earlier(text, start)
        if _firms_line_before(text, start, start + len(raw), own_earlier) or (
            # the next of a list of work lines: "keep their DDIs (0161 ..., 0161 ...)"
            # (session 20)
            0 <= work_end <= start <= work_end + 12 and _NUMBER_GAP.fullmatch(text, work_end, start)
        ):
            work_end = start + len(raw)
            continue
        if (
            _SWITCHBOARD_AFTER.match(text, start + len(raw))
            and not PERSONAL_NAMED.search(before[-40:])
        ) or _DIAL_IN_AFTER.match(text, start + len(raw)):
            continue
        if "tel:" in text and _LINE_URI.search(text, max(0, start - 200), start):
            continue  # a Teams number's LineURI, in a table or a config: the firm's DDI
        after = clause_after(text, start + len(raw))
        if not _a_personal_line(raw, before, digits, own_earlier) or _firms_or_masked_after(
            text, start + len(raw), own_earlier
        ):
            continue
        own = (
            PERSONAL_PHONE_WORDS.search(before)
            or _own_after(after)
            or _own_next(text, start + len(raw))
            or _TITLED_NAME_BEFORE.search(before)
            or own_earlier
            or _with_personal_mailbox(text, start + len(raw))
            # the next of a list of own numbers: "their own mobiles: Dai 07700 900731, Ffion
            # Hughes 07700 900562" (session 11)
            or (0 <= own_end <= start <= own_end + 40 and _LIST_GAP.fullmatch(text, own_end, start))
        )
        if not own and _signed_by_a_firm(text, start, start + len(raw)):
            continue  # a signature line, a firm's footer, a pasted mail's signature
        if _SUPPORT_LINE_BEFORE.search(before[-30:]) and not _own_after(after):
            continue  # "through their Benelux support line (+31 20 ...)": the vendor's line
        if not own and (WORK_WORDS.search(WORK_AGENT.sub(" ", before)) or WORK_WORDS.search(after)):
            work_end = start + len(raw)
            work_numbers.add(_NON_DIGIT.sub("", raw))
            continue
        if not own and _NON_DIGIT.sub("", raw) in work_numbers:
            continue
        if not own and _next_in_list(text, work_end, start):
            work_end = start + len(raw)  # and the next: "... 0161 724 1055 and Bristol 0117 ..."
            continue  # "branch numbers ...: Kendal 01539 720 100, Windermere 015394 40 220"
        if not own and _SIGNATURE_TEMPLATE.search(text, max(0, start - 160), start):
            continue  # "signature template ... office address ..., tel 01454 412 103"
        if not own and _VENDOR_CASE_AFTER.search(after):
            continue
        if own and _named_work_earlier(text, start, raw):
            continue  # "show the main number 0113 ... Tested ... to my mobile - showed 0113 ..."
        own_end = start + len(raw) if own else -1
        yield start, start + len(raw), "phone"

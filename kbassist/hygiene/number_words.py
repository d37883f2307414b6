"""Words before a number that make it something other than someone's phone: a reference, a
serial, a case or an order, an IBAN's tail, a parcel, a firm's registration, a system's sending
number (moved out of :mod:`kbassist.hygiene.phones` in session 18, when that module reached the
length limit; the regexes are unchanged).
"""

from __future__ import annotations

import re

from kbassist.hygiene.regex_guard import guarded

_NOT_PHONE_CONTEXT = guarded(
    r"(?i)(?:ticket|case|ref|reference|order|invoice|serial|s/n|\bsn\b|asset|\bid\b|\bkb|build"
    # a serial number in the other languages: "matricola", "Nº de serie" (session 9)
    r"|matricola|\bs[ée]rie|seriennummer\w*|serienummer\w*"  # "Seriennummern" (session 36)
    # a device's identifier: "IMEI 356938035643809" (session 8)
    r"|imei|meid|imsi|iccid|\besn|\btid"  # a card terminal's ID: "TID 02841733" (session 16)
    # a card acquirer's merchant number: "Número de terminal 38291047, comercio 047118392"
    # (session 29, blind208 read)
    r"|\bmid|merchant|comercio|commer[çc]ant|esercente|h[äa]ndler"
    # a case right after its word, with no vendor between: "caso 2025-118734" (session 8)
    r"|\bcaso|\bincidencia|\bincidente|\bchamado|\bprotocolo|\bexpediente|\bsegnalazione"
    # (not the phone "on the account": "texted to the mobile on his account, +44 7189 ..."; s. 36)
    r"|version|event|error|\bpo\b|(?<!on the )(?<!on his )(?<!on her )account|acct|iban"
    r"|sort\s+code|port|vlan|licen[cs]e|key|code"
    r"|pin|inc|req|chg|ritm|job|batch|lot|part|model|sku|tag|\bmac|\bip\b|hash|\#"
    # an access-control or staff identifier: "fob token 0412773", "badge 5530917"
    r"|fob|token|badge|(?:employee|staff|payroll)\s+(?:no\.?|number|id)"
    # a device's number in German: "Kassensystem (Gerätenr. 2231-77810)" (session 33, blind297)
    r"|ger[äa]te"
    # a print card, a returns or a law firm's matter number: "Associated card 0049282210",
    # "RMA 88-201-4433", "Matter 40021-0007", "Herstellerfall 2025-118734" (session 12)
    r"|(?<!sim\s)(?<!sim-)\bcard|\brma|\bmatter|herstellerfall|supportfall|servicefall"
    # a case or order in Dutch and German, alone or compounded: "Fall 50102...", "ticketnummer"
    r"|\bfall|vorgang|auftrag|zaak|dossier|melding|bestel"
    # a parcel, an exam candidate (session 15)
    r"|tracking|sendungs|waybill|candidate"
    # a trip's, a delivery receipt's, a customs tariff's: "ritnummers 2406-0417, ...",
    # "récépissés ... (24-061-00451", "Commodity codes (8708 29 90 00)" (session 18)
    r"|ritnummer|récépissé|commodity|tarif(?:f|a)?|taric|dispatch"  # (dispatch: session 30)
    # an Italian case or serial, a Dutch register: "pratica n. 1-774...", "seriale" (session 19)
    r"|pratica|seriale|registratie"
    # a document workspace, an article's barcode, a licence dongle: "workspace 30512-0007",
    # "GTIN 08437012345676", "clé CodeMeter 3-4718291" (session 20)
    r"|workspace|gtin|\bean|sscc|\bupc|codemeter|dongle"
    # a serial's short name, a vendor's service number: "SNID 0480...", "Brother servicenummer
    # 3310 772" (session 23)
    r"|\bsnid|service"
    # a SIP trunk's user, a support contract's number: "Auth ID / utente: 0805861601",
    # "contratto FortiGuard n. 2145-88310-7" (session 25, blind156 read)
    r"|utente|auth\s*id|contract|contrat|contratto|contrato|vertrag"
    # a log message's id: "msgid 0101037129" (session 25, blind160 read)
    r"|msgid|logid|eventid|msg_id|log_id"
    # a lab sample's, a carrier's case: "accession 4471-2208", "incidencia operador 2024-336899"
    # (session 28, blind191 and blind192 read)
    # a fault's number in Dutch: "Storing 240517-033 gesloten" (session 28, blind203 read)
    r"|\bstoring|accession|(?:incidencia|incidente|caso|chamado|ticket|case)\s+(?:del\s+|do\s+|da\s+)?"
    r"(?:operador|operadora|proveedor|fornecedor|fornitore|gestore|isp|carrier|provider|vendor)"
    # a policy's number, a customer's with its vendor: "apólice de teste n.º 0098112745", "Numéro
    # de client éditeur 55-20417"; "n.º" alone (session 27, blind182 and blind183 read)
    r"|ap[óo]lice|p[óo]liza|polizza|polis|policy|\bn\.?\s?[º°]\.?"
    r"|(?:num[ée]ro|n[úu]mero)\s+(?:de\s+)?client[ea]?(?:\s+[a-zéèáíóúç]+)?"
    r"|(?:customer|client|kunden|klant)(?=[\s-]?(?:nummer|nr|no|number)))"
    r"(?:(?:s|['’]s)?[\s-]?\(?(?:nummer|nr\.?|no\.?|n\.|n\.?[º°]\.?|number|numbers|#))?s?\W{0,3}$"
    # "Ticket beim Hersteller 2026-118043", "serienummers 1123456789 en 1123456790" (session 7)
    # "Incidencia Redsys 2026-118842", "Storing KPN ...": a reference word, the vendor's name,
    # then its number, in the seven languages (session 8)
    r"|\b(?:ticket|fall|case|caso|vorgang|incident|incidencia|incidente|incidenza|chamado"
    # (or its compound: "Storingsnummer KPN: 1-8833120742"; session 34)
    r"|ocorrência|st[öo]rung(?:snummer)?|storing(?:snummer)?|melding|segnalazione|aver[íi]a|fault"
    r"|dossier|zaak"
    r"|r[ée]f[ée]rence|referencia|ref|order|pedido|commande|bestelling|auftrag|ordine|rma"
    r"|contract|contrat|contratto|contrato|vertrag)"
    r"\s+(?:(?:beim|bei|with|at|del|du|van|bij|presso|junto\s+a|chez)\s+\w+"
    r"|(?-i:(?!(?:DE|DA|DO|DEL|DI|DU|VAN|THE|O|A|EL|LA|LE|IL|DER|DIE|DAS|HET)\b)[A-Z][\w&-]+)"
    r"(?:\s(?-i:[A-Z][\w&-]+))?)(?:\s(?:n[º°o]?\.|nr\.?|no\.?|number|nummer|numero|número))?"
    r"\W{0,3}$"
    # an MOT test's number: "Looked up MOT test number 1798 0311 3430" (session 34, blind317)
    r"|\bmot\s+test(?:\s+(?:number|no\.?|nr\.?))?\W{0,3}$"
    # a police complaint's number: "numéro de plainte 6733365969" (session 34, blind312 read)
    r"|(?:plainte|denuncia|denúncia|anzeige|aangifte|crime)(?:\s+(?:number|ref\w*|n[º°o]\.?))?"
    r"\W{0,3}$"
    # a pair's serials by side: "Serials L 0880342739 and R 6816431693" (session 34, blind309)
    r"|\bserials?\s+(?:[LR]|left|right)\W{0,3}$|\band\s+(?-i:[LR])\W{0,3}$"
    # a staff access card's number, not a phone's: "card no. 0612 4471", "Kartennummer",
    # "número de tarjeta", "numéro de carte", "kaartnummer", "numero tessera" (session 8)
    r"|(?<!sim\s)(?<!sim-)\bcard[\s-]?(?:no\.?|number|nr\.?|\#)\W{0,3}$"
    r"|(?:karten|kaart|pas)-?(?:nummer|nr\.?)\W{0,3}$"
    r"|\bn(?:[úu]mero|uméro|[º°o]\.?)\s+(?:de\s+(?:la\s+)?|do\s+|della\s+|di\s+)?"
    r"(?:tarjeta|carte|cartão|tessera|carta)(?!\s+sim)(?:\s+\w+){0,2}\W{0,3}$"
    r"|\b(?:tarjeta|carte|cartão|tessera|carta)\s+(?:n[º°o.]+|num\w*)\W{0,3}$"
    # or the card's word alone: "Dada de baja la tarjeta 04549061" (session 33, blind292 read)
    r"|\b(?:tarjeta|cart[ãa]o|tessera)(?!\s+sim)(?:\s+de\s+\w+)?\W{0,3}$"
    r"|(?:serie\w*|serial\w*|s/n)\s+\S+\s+(?:en|and|und|et|y|e|&)\s*$|serienummers?\W{0,3}$"
    # a parcel's tracking number, or the rest of a longer code: "tracking 1Z 9W4 7X6 03 1847 2253"
    r"|(?:tracking|sendungsnummer|suivi|seguimiento|rastreio|tracciamento)(?:\s+\S+){0,4}\s*$"
    # or its keys read out one by one: "UPS tracking one Z nine nine eight F ..." (session 30)
    r"|\btracking(?:\s+(?:[A-Za-z0-9]{1,3}|zero|one|two|three|four|five|six|seven|eight|nine"
    r"|oh)){2,14}\s*$"
    r"|(?-i:[A-Z]+\d[A-Z\d]*|\d+[A-Z][A-Z\d]*)\s$"
    # a log's field: 'logid="0101039426"', "sessionid=4418230911" (session 16)
    r"|[a-z_]*id\s*=\s*[\"']?$"
)
# a fob's number read out: "my fob won't open the side door the number on the back is 0 0 4 1
# 7 7 3" (session 30, blind227 read)
_FOB_NUMBER_BEFORE = re.compile(
    r"(?i)\b(?:fob|badge|tag|pass)\b[^\n.;]{0,70}\bnumber\b[^\n.;]{0,25}$"
    # a card's number, a reader's or a command's: "The card number from the reader (9179169528)",
    # "secondary-card-number 9179169528" (session 31, blind242 read)
    r"|(?i:\bcard[\s-]+number\b[^\n.;]{0,25}$)"
)
# A company's registration or tax number: "Registered in England No. 08812345", "KvK 1234..."
# (read on the raw words before: the clause cut stops at "No. ").
_REGISTRATION_BEFORE = guarded(
    r"(?i)(?:registered\s+in\s+[\w ]{2,30}?(?:\s(?:no\.?|number))?"
    r"|(?:company|companies(?:\s+house)?|registration|reg\.?|vat|tax)\s+(?:no\.?|number|nr\.?)|siret|siren|kvk|hrb|cif|nif|p\.?\s?iva"
    # "VAT GB 291 4471 62" (not "privat an: 0176 ...": session 16)
    r"|\bvat(?:\s+(?:no\.?|number|reg\.?))?\s+(?-i:[A-Z]{2})"
    # (the Dutch VAT number, not the English "btw": "this is my own mob btw, 07931 ..."; session 20)
    r"|ust-?id\w*|(?-i:BTW)|btw-?(?:nummer|nr\.?|id)|abn|acn|cnpj|nipc"
    # a professional's or a firm's register: "numéro RPPS 1000...", "BIG-nummer 1906...",
    # "Zorgverlener-AGB 0410...", "CVR 4187..." (session 17)
    r"|\brpps|\badeli|\bfiness|\bbig-?(?:nummer|nr\.?|registratie)|\bagb(?:-code)?|\bcvr(?:-nr\.?)?"
    r"|organisations?nummer|\borg\.?\s?(?:nr|no|number)\.?)\W{0,3}$"
)
# "número de incidencia", "incident number", "Störungsnummer": a reference, not a phone. The
# reference word may stand a few words before the number word ("incidencia con Movistar,
# número 1-8842275193").
_REFERENCE_BEFORE = guarded(
    r"(?i)\b(?:incident|ticket|case|fault|order|reference|incidencia|aver[íi]a|caso|pedido"
    r"|st[öo]rung\w*|meldung|auftrag|vorgang|incidente|chamado|protocolo|dossier|commande"
    r"|signalement|storing|melding|zaak|segnalazione|richiesta|pratica|ordine"
    # "Aberto processo no fabricante, número 8734396564" (session 32, blind283 read)
    r"|processo|proceso)\b"
    # (six words between: "Caso de Microsoft por el Intune, número ..."; session 24; not over a
    # sentence's end: "geen telefoon van de zaak. Op haar verzoek haar eigen mobiele nummer
    # 06-..."; session 35, blind338 read)
    r"(?:[^\w.!?\n]+\w+){0,6}[^\w.!?\n]+(?:number|no\.?|nr\.?|n[º°o]?\.|n[º°o]|número|numero"
    r"|nummer|numéro)\W{0,3}$"
    # "Número de incidencia del fabricante HP: 5092...": the number word first (session 7)
    r"|(?:número|numero|numéro|number|nummer)\s+(?:de\s+|do\s+|da\s+|di\s+|of\s+|du\s+)?"
    r"(?:la\s+|l'|the\s+)?(?:incidencia|incidente|incident|caso|case|ticket|chamado|pedido"
    r"|solicitud|solicitação|demande|anfrage|aanvraag|richiesta|request|application"
    r"|order|dossier|commande|pratica|ordine|ocorrência|référence|referencia|reference"
    # "número de receta de prueba 28-000431-2207" (session 18)
    r"|receta|prescription|ricetta|receita|ordonnance|rezept|recept"
    # "número de justificante 1024178893312": a receipt's (session 30, blind222 read)
    r"|justificante|comprobante|recibo|receipt|ricevuta|re[çc]u|quittung|beleg|ontvangstbewijs"
    # "aceptado con número de registro 3525347829" (session 32, blind278 read)
    r"|registro|registo|registration|enregistrement|registrazione)"
    r"(?:\W+\w+){0,4}\W{0,3}$"
    # "Dispatch number came back as one six four, ...": a vendor's reference, a verb between
    # (session 23)
    r"|\b(?:dispatch|case|ticket|incident|order|reference|rma|work\s+order|account|entitlement)"
    r"\s+(?:number|no\.?|nr\.?)"
    # (what it is for between: "their case number for the transfer is 00493317"; session 30)
    r"(?:\s+(?:for|of|with|on)(?:\s+[^\W\d_]+){1,3})?"
    r"(?:\s+(?:came|comes|is|was|back|as|given|issued|now|reads?|returned)){1,4}\W{0,3}$"
    # or right after, where it stands between: "Renewal entitlement number 0712872303", "account
    # number on the bill 9901115556" (session 32, blind281 read)
    r"|\b(?:entitlement|account)\s+(?:number|no\.?|nr\.?)(?:\s+(?:on|of|for)(?:\s+[^\W\d_]+){1,3})?"
    r"\W{0,3}$"
)
# A parcel's tracking number after its shipment words, the carrier named between (session 9).
_SHIPMENT_BEFORE = guarded(
    r"(?i)\b(?:spedizione|sendung|env[íi]o|colis|zending|shipment|consignment|tracking"
    r"|track\s*(?:&|and)\s*trace|parcel|paket|pacco|paquete|pakket|remessa|encomenda"
    r"|waybill|awb|frachtbrief|vrachtbrief|lettre\s+de\s+voiture)\b"
    r"[^\n]{0,25}$"
)
# The start of an IBAN right before the digits: they are its tail (session 9).
_IBAN_OPENING = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){1,6}[ ]?$")
# A messaging system's own number in its pasted config (session 9).
_SENDER_KEY_BEFORE = guarded(
    r"(?i)[\"']?(?:\b|(?<=_))(?:from|sender|from[_ ]?number|sms_?from|caller_?id|originator"
    r"|sender_?id|twilio_?(?:phone_?)?number|messaging_?number)[\"']?\s*[:=]\s*[\"']?$"
)
# The words right before a number that name it as something other than a phone's: a serial's
# word a word or two before ("Seriennummer der Waage 1062-554-0089"; session 11); a reference's
# compound ("PV-nummer 2026-338817", "Kundennummer ..."); a remote session's number
# ("ScreenConnect session 7781-2290"); a contract, a customer, an order, a receipt, a booking;
# a reference "was" the number; a remote-control tool's address (each dated below)
_NAMED_OTHER_BEFORE = guarded(
    r"(?i)(?:\b(?:serial|s/n|seriennummer|serienummer|matricola|n[úu]mero\s+de\s+s[ée]rie"
    r"|numéro\s+de\s+série)\b(?:[ \t]+[\w'’-]+){0,2}"  # "de l'imprimante" (session 35)
    r"|\b(?:pv|proces-verbaal|aangifte|kunden|bestell|rechnungs|auftrags|vorgangs|referenz"
    r"|klant|factuur|order|dossier|zaak|polis|vertrags|versicherungs|mitglieds|artikel"
    # a line's access number: "Zugangsnummer (Teilnehmernummer): 5530..." (session 14)
    r"|zugangs|teilnehmer|anschluss|mitbenutzer"
    # a fault's number with the carrier: "KPN-storingsnummer 1-31992784" (session 23)
    r"|storings|störungs|meldings"
    # a court case's, a smartcard's: "parketnummer 25-980238-73", "Smartcard number 2672..."
    # (session 37, blind377 and blind373 read)
    r"|parket|smartcard|smart\s+card)-?\s?(?:nummer|kennung|number)\)?:?"
    # and the vendor after it: "storingsnummer bij Dell 2 0 4 4 ..." (session 28, blind193)
    r"(?:[ \t]+(?:bij|bei|at|with|chez|con|presso|da|de|do)[ \t]+[A-Z][\w&-]*)?"
    # "contract number 1101213629", "subscription ID" (session 14)
    r"|\b(?:contract|subscription|agreement|contrato|contrat|vertrag|contratto)"
    r"(?:\s+(?:number|no\.?|id|nr\.?|n[º°o]\.?|número|numéro|nummer|numero))?"
    # (and a word or two on it: "numéro de contrat commerçant inchangé (3829385620)"; session 35)
    r"(?:\s+(?-i:[a-zà-ÿ]+)){0,2}"
    r"|\b(?:session|meeting|sitzung|sesión|séance|sessione|sessão)(?:\s+(?:id|code|no\.?|number))?"
    # a customer's number with a carrier or supplier (session 16)
    r"|\b(?:customer\s+(?:number|no\.?|id)|n[úu]mero\s+de\s+cliente|numéro\s+(?:de\s+)?client"
    r"|klantnummer|numero\s+(?:di\s+)?cliente|kundennummer)"
    # an order's number named by the word alone: "ordine 7712-0934-55", "pedido 400-7781234"
    # (session 17)
    r"|\b(?:order|ordine|pedido|commande|bestellung|bestelling|encomenda"
    # a receipt's, a card terminal's, a booking's, a filing's or invoices' numbers:
    # "Scontrino di prova n. 0215-0087", "Identifiant du TPE 0148...", "Reservation 4418..."
    r"|receipt|scontrino(?:\s+di\s+prova)?|ricevuta|recibo|kassenbon|terminal|tpe|datáfono"
    r"|reservations?|réservations?|reservas?|prenotazion[ei]|reserveringen|reservering"
    r"|submission|invoices?"
    r"|rechnungsnummern?|identifiant\s+du\s+tpe"
    # a reference with its kind between: "técnico vodafone ref. avaria 2209-114873" (session 23)
    # (or a ticket with its vendor: "ticket éditeur 04412877"; session 30, blind228 read)
    # (in lower case: not a name, "ticket from Sam 07700 ...")
    r"|\bref\.?(?:\s+[^\W\d_]+){1,2}|\bticket(?:\s+(?-i:[a-zà-ÿ]+)){1,2}"
    # a reference said to be it: "Brother's reference from the phone call was 20419-8833"; a
    # remote-control tool's address: "AnyDesk 8, endereço 221 660 381" (session 30)
    r"|\b(?:reference|referencia|référence|riferimento|referentie|referenz)\b[^\n.;:]{0,40}?"
    r"\b(?:was|is|es|est|è|ist|era|é|lautet|luidt)"
    r"|\b(?:anydesk|teamviewer|rustdesk|splashtop|supremo)\b[^\n.;]{0,30}?"
    # a dealer's call logged: "Logged with the dealer as call 2139831023" (session 31, blind246)
    r"|\b(?:logged|raised|opened|booked)\b[^\n.;]{0,40}?\bas\s+(?:a\s+)?(?:call|job|case)"
    r"|\bcall\s+(?:no\.?|number|ref\w*|id)"
    # a case opened with a vendor: "caso de Synology 05117964", "an incidence with Movistar,
    # number 1-7857603489" (session 31, blind249 and blind251 read)
    r"|\b(?:caso|case|pedido|chamado|incidencias?|incidences?|incidents?|incidente|fall|dossier"
    r"|storing|melding)\s+(?:de|del|do|da|con|com|with|at|bei|chez|van|di|met|to)\s+"
    r"(?-i:[A-Z])[\w&-]*(?:,?\s+(?:number|no\.?|nr\.?|n[º°o]\.?|número|numéro|nummer|numero))?"
    # a lot's or a batch's number, an animal's microchip, a card's number on its back: "lote
    # 0171151", "la puce de démonstration 250004053562385", "card no. on the back 0434737469"
    # (session 32, blind265 and blind268 read)
    r"|\b(?:lot|lote|lotto|batch|partij|charge\s+nr\.?|chargennummer)"
    r"|\b(?:puce|micro-?chip|chip|transponder|transpondeur)\b(?:[ \t]+[^\W\d_]+){0,3}"
    r"|\bcard\s+no\.(?:[ \t]+[^\W\d_]+){0,3}"
    # an airline ticket's number: "El billete 075 2117641956" (session 32, blind276 read)
    r"|\b(?:billete|bilhete|biglietto|billet|e-?ticket|flugschein|vliegticket)"
    # a boiler's Gas Council number, a grid connection's application, device IDs listed: "boiler
    # GC number 47-265-89", "DNO application 4325822036", "different device IDs (395043668 and
    # 038929085)" (session 35, blind329, blind330 and blind335 read)
    r"|\bgc\s+(?:number|no\.?)|\b(?:dno|mcs|g9[89]|grid|connection)\s+application"
    r"|\b(?:device|object|record|machine)\s+ids\W{0,3}(?:\d+[ \t]*(?:,|and|und|et|en|y|e)[ \t]*)*"
    # a drug's code, a wipe certificate's, a cloud project's, a pass's or a fob's number in
    # brackets: "Codice AIC 027869772", "certificate number 9339704210", "Project number
    # 8255...", "Pas van lid (nummer 6628...", "Chipnummer 2396...", "El llavero de la socia
    # (número 7162..." (session 37, blind381, blind383 and blind384 read)
    r"|\bincident|\b(?:codice\s+)?aic"
    r"|\b(?:certificate|project|licen[cs]e|membership)\s+(?:number|no\.?)"
    r"|\b(?:pas|llavero|badge|fob|kaart|karte|tarjeta|carte|chip)\b[^.()\n]{0,30}\((?:nummer"
    r"|number|número|numéro|numero|nr\.?|no\.?)|\bchipnummer)"
    r"(?:\s+(?:no\.?|nr\.?|n\.?[º°o]\.?|n\.|#|id))?"
    r")\W{0,3}$"
)
_RANGE_BEFORE = re.compile(r"\d[\d -]{5,}\d[ \t]+(?:bis|to|tot|até|a|à|al|through)[ \t]+$")
_DIGIT_GROUPS_BEFORE = re.compile(r"(?<!\d)\d{5,7}[ \t]+\d{5,7}[ \t]+$")
_DELIVERY_NOTE_BEFORE = re.compile(
    r"(?i)\b(?:récépissés?|bons?\s+de\s+livraison|lieferscheine?|pakbon(?:nen)?|albar[áa]n(?:es)?"
    r"|delivery\s+(?:notes?|receipts?)|guias?\s+de\s+remessa|bolle\s+di\s+consegna)\b[^\n.;]{0,40}$"
)
_REGISTER_CODE_BEFORE = re.compile(
    # an optometrist's or a pharmacist's register too: "GOC 01-38842" (session 23)
    r"(?i)\b(?:agb-?code|big-?(?:nummer|registratie)|rpps|adeli|(?:gmc|gdc|goc|gphc)(?:\s+number)?"
    r"|nmc\s+pin|hcpc)\b[^\n.;]{0,40}$"
)
_REFERENCE_THEN_AND = re.compile(
    r"(?<![\w-])[A-Z]{1,5}-\d{4,}[ \t]*(?:,|and|und|et|en|y|e|&)[ \t]+$"
)
# the first end of a range: "les numéros 0045132 à 0045140" (badges; session 23)
RANGE_AFTER = re.compile(r"[ \t]+(?:bis|to|tot|até|a|à|al|through)[ \t]+\d[\d \t-]{4,}\d")
_LONG_RUN = re.compile(r"\d{14,20}(?!\d)")
_DEVICE_NUMBER_BEFORE = re.compile(r"(?i)\b(?:imei|iccid|meid|imsi)\b[^\n.;]{0,30}$")
# two groups of capitals and digits right before the number, one with a letter and one with a
# digit (session 15)
_CODE_GROUPS_BEFORE = re.compile(
    r"(?<![\w-])(?=[A-Z0-9 ]*[A-Z])(?=[A-Z0-9 ]*\d)[A-Z0-9]{2,4} [A-Z0-9]{2,4} $"
)


def another_number(text: str, start: int, before: str) -> bool:
    """Whether the words before call the number something else: a reference, a serial, an
    IBAN's tail, a parcel, a registration, a system's sending number."""
    # the raw words too: the clause cut stops at "no." ("fob no. 4 412 908 751")
    return bool(
        _NOT_PHONE_CONTEXT.search(before)
        or _NOT_PHONE_CONTEXT.search(text, max(0, start - 30), start)
        or _REFERENCE_BEFORE.search(text[max(0, start - 80) : start])
        or _FOB_NUMBER_BEFORE.search(text, max(0, start - 110), start)
        # "NL91 ABNA 0417 1643 00": the tail of an IBAN
        or _IBAN_OPENING.search(text, max(0, start - 30), start)
        # "spedizione BRT n. 068123450012345": a parcel's number
        or _SHIPMENT_BEFORE.search(text, max(0, start - 40), start)
        or _REGISTRATION_BEFORE.search(text[max(0, start - 60) : start])
        # '"from": "+441174960213"': a system's sending number in its config
        or _SENDER_KEY_BEFORE.search(text, max(0, start - 40), start)
        or _NAMED_OTHER_BEFORE.search(text, max(0, start - 50), start)
        # "Trackingnummer: 3S QW 48 2917 0563": the digits end a code of letter groups
        or _CODE_GROUPS_BEFORE.search(text, max(0, start - 12), start)
        # the last groups of an installation ID: "4819730 2765411 ... 0937712" (session 17)
        or _DIGIT_GROUPS_BEFORE.search(text, max(0, start - 24), start)
        # a range's second end: "Rechnungsnummern 2024-1187 bis 2024-1203" (session 17)
        or _RANGE_BEFORE.search(text, max(0, start - 30), start)
        # "De AGB-code van de nieuwe huisarts, 01-104487": a practitioner's register code a few
        # words on; "policy numbers PP-00418833 and 7720194451": the next of a list of
        # references (session 18)
        or _REGISTER_CODE_BEFORE.search(text, max(0, start - 50), start) is not None
        or _REFERENCE_THEN_AND.search(text, max(0, start - 24), start) is not None
        # "les récépissés des tournées T07 et T12 (24-061-00451": a delivery note's (session 18)
        or _DELIVERY_NOTE_BEFORE.search(text, max(0, start - 60), start) is not None
        # "IMEI du téléphone 358240051111110": a device's number a few words on (session 18)
        or (
            _LONG_RUN.match(text, start) is not None
            and _DEVICE_NUMBER_BEFORE.search(text, max(0, start - 40), start) is not None
        )
        # "Numero di serie validatrice 7569052469": a serial, its device named between
        # (session 29, blind215 read)
        or _SERIAL_OF_BEFORE.search(text, max(0, start - 60), start) is not None
    )


_SERIAL_OF_BEFORE = re.compile(
    r"(?i)\b(?:serial(?:\s+(?:number|no\.?))?|s/n|n[úu]mero\s+de\s+s[ée]rie|numero\s+di\s+serie"
    r"|num[ée]ro\s+de\s+s[ée]rie|serien?nummer|matricola)(?:\s+(?:of\s+the\s+|do\s+|da\s+|del\s+"
    r"|de\s+la\s+|della\s+|des\s+)?[^\W\d_]{3,20}){1,2}\W{0,3}$"
)

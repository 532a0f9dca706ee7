/**
 * Words of German administrative language, so that common compounds split before any
 * corpus is known ("Hundesteuerbescheid", "Bewohnerparkausweis"). The corpus vocabulary
 * (the index's own terms) is added on top; this list only has to cover the basics.
 */
export const BASE_VOCABULARY: readonly string[] = `
abfall abholung abgabe adresse amt angelegenheit anmeldung antrag anwohner arbeit arzt aufenthalt
ausbildung auskunft ausländer ausweis auto bau bauen beitrag behörde beratung bescheid bescheinigung
betreuung bewohner bezirk bibliothek brief bürger büro bußgeld center dienst eltern elterngeld
entsorgung erlaubnis fahrzeug fahrrad familie feuer frei frist fund führer führung garten geburt
gebühr geld genehmigung gericht gesundheit gewerbe grund grundstück halter haus haushalt hilfe hund
jugend karte kind kinder kirche kraft kosten kultur land leistung markt meldung melde miete müll
nachweis ordnung papier park parken pass personal platz polizei post rat recht reise rente rund
sache schein schule schutz service sozial sperr sport stadt stand standes steuer stelle straße
tonne termin umzug unterhalt urkunde verkehr versicherung vertrag verwaltung wahl wasser wert
wohn wohnung wohnsitz zeit zentrum zulassung zuschuss
`
  .split(/\s+/)
  .filter(Boolean);

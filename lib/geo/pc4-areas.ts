import type { LatLon } from './distance';

/**
 * Offline fallback: an approximate point for each range of PC4 areas, so the store finder works without
 * network (the embedded default, tests, CI). Each row starts a range that runs to the next row; its point
 * is the main town of that range, placed by hand from public maps — not a computed centroid.
 *
 * Precision, honestly: within a city range (Amsterdam 10xx, Rotterdam 30xx, Utrecht 35xx…) a postcode
 * is usually within 5–10 km of the point; in rural ranges that cover a region (Zeeland, Friesland,
 * Drenthe) it can be 15–25 km off. Good enough to order a handful of stores in different cities, not to
 * tell two shops in one city apart — configure the real geocoder (GEOCODER=pdok) for that.
 */
const RANGES: [start: number, lat: number, lon: number][] = [
  [1000, 52.372, 4.893], // Amsterdam centre, west, south, east
  [1060, 52.36, 4.81], // Amsterdam Nieuw-West
  [1080, 52.335, 4.87], // Amsterdam Zuid, Buitenveldert
  [1090, 52.355, 4.93], // Amsterdam Oost, Watergraafsmeer
  [1100, 52.31, 4.97], // Amsterdam Zuidoost, Diemen, Duivendrecht
  [1120, 52.39, 5.0], // Landsmeer, Waterland
  [1130, 52.47, 5.05], // Volendam, Edam
  [1140, 52.5, 4.96], // Purmerend
  [1150, 52.48, 4.93], // Zaanstreek-oost
  [1160, 52.3, 4.78], // Badhoevedorp, Schiphol
  [1180, 52.3, 4.86], // Amstelveen
  [1190, 52.26, 4.86], // Ouderkerk, Uithoorn
  [1200, 52.23, 5.17], // Hilversum
  [1250, 52.25, 5.23], // Laren, Blaricum
  [1270, 52.27, 5.24], // Huizen
  [1300, 52.37, 5.22], // Almere
  [1380, 52.3, 5.04], // Weesp, Muiden
  [1390, 52.2, 5.04], // Abcoude, Loenen
  [1400, 52.28, 5.16], // Bussum, Naarden
  [1420, 52.19, 4.9], // Uithoorn, Mijdrecht
  [1430, 52.25, 4.77], // Aalsmeer
  [1440, 52.5, 4.96], // Purmerend
  [1450, 52.55, 5.03], // Beemster, Wormer
  [1500, 52.44, 4.82], // Zaandam
  [1600, 52.7, 5.28], // Enkhuizen
  [1620, 52.64, 5.06], // Hoorn
  [1700, 52.67, 4.83], // Heerhugowaard
  [1740, 52.79, 4.79], // Schagen
  [1780, 52.95, 4.76], // Den Helder
  [1790, 53.05, 4.8], // Texel
  [1800, 52.63, 4.75], // Alkmaar
  [1900, 52.48, 4.66], // Castricum, Beverwijk, IJmuiden
  [2000, 52.38, 4.64], // Haarlem
  [2100, 52.34, 4.6], // Heemstede, Bennebroek
  [2130, 52.3, 4.69], // Hoofddorp, Haarlemmermeer
  [2150, 52.26, 4.56], // Nieuw-Vennep, Lisse
  [2200, 52.23, 4.45], // Noordwijk, Katwijk
  [2300, 52.16, 4.49], // Leiden
  [2400, 52.13, 4.66], // Alphen aan den Rijn
  [2500, 52.078, 4.3], // Den Haag
  [2600, 52.011, 4.36], // Delft
  [2650, 51.99, 4.43], // Pijnacker, Berkel
  [2670, 51.99, 4.21], // Westland, Naaldwijk
  [2700, 52.06, 4.49], // Zoetermeer
  [2800, 52.011, 4.71], // Gouda
  [2900, 51.93, 4.58], // Capelle, Krimpen
  [3000, 51.922, 4.479], // Rotterdam
  [3100, 51.91, 4.36], // Schiedam, Vlaardingen, Maassluis
  [3200, 51.85, 4.33], // Spijkenisse, Voorne-Putten
  [3300, 51.81, 4.67], // Dordrecht
  [3340, 51.82, 4.63], // Zwijndrecht, Hendrik-Ido-Ambacht
  [3350, 51.87, 4.61], // Papendrecht, Ridderkerk
  [3400, 52.02, 5.05], // IJsselstein, Nieuwegein
  [3440, 52.09, 4.88], // Woerden
  [3500, 52.09, 5.12], // Utrecht
  [3600, 52.14, 5.04], // Maarssen, Breukelen
  [3700, 52.09, 5.23], // Zeist, Bilthoven
  [3740, 52.21, 5.29], // Baarn, Soest
  [3800, 52.156, 5.387], // Amersfoort
  [3840, 52.34, 5.62], // Harderwijk
  [3850, 52.22, 5.48], // Nijkerk, Barneveld
  [3900, 52.03, 5.55], // Veenendaal, Rhenen
  [4000, 51.89, 5.43], // Tiel
  [4100, 51.95, 5.23], // Culemborg, Leerdam
  [4200, 51.83, 4.97], // Gorinchem
  [4300, 51.65, 3.92], // Zierikzee, Schouwen-Duiveland
  [4330, 51.5, 3.61], // Middelburg, Vlissingen
  [4400, 51.5, 3.89], // Goes
  [4500, 51.33, 3.83], // Zeeuws-Vlaanderen
  [4600, 51.49, 4.29], // Bergen op Zoom
  [4700, 51.53, 4.46], // Roosendaal
  [4800, 51.589, 4.776], // Breda
  [4900, 51.64, 4.86], // Oosterhout
  [5000, 51.56, 5.09], // Tilburg
  [5100, 51.63, 4.95], // Dongen, Gilze
  [5140, 51.69, 5.07], // Waalwijk
  [5200, 51.69, 5.3], // 's-Hertogenbosch
  [5300, 51.8, 5.25], // Zaltbommel
  [5340, 51.77, 5.52], // Oss
  [5400, 51.66, 5.62], // Uden, Veghel
  [5500, 51.41, 5.42], // Veldhoven, Valkenswaard
  [5600, 51.441, 5.478], // Eindhoven
  [5700, 51.48, 5.66], // Helmond
  [5800, 51.53, 5.97], // Venray, Boxmeer
  [5900, 51.37, 6.17], // Venlo
  [6000, 51.25, 5.71], // Weert
  [6040, 51.19, 5.99], // Roermond
  [6100, 51.07, 5.87], // Sittard, Echt
  [6200, 50.851, 5.69], // Maastricht
  [6300, 50.87, 5.83], // Valkenburg
  [6400, 50.88, 5.98], // Heerlen, Kerkrade
  [6500, 51.842, 5.853], // Nijmegen
  [6600, 51.88, 5.7], // Wijchen, Druten
  [6700, 51.98, 5.67], // Wageningen, Ede
  [6800, 51.985, 5.898], // Arnhem
  [6900, 51.93, 6.07], // Zevenaar
  [7000, 51.96, 6.29], // Doetinchem
  [7100, 51.97, 6.72], // Winterswijk
  [7200, 52.14, 6.2], // Zutphen
  [7300, 52.21, 5.97], // Apeldoorn
  [7400, 52.25, 6.16], // Deventer
  [7500, 52.22, 6.89], // Enschede
  [7550, 52.26, 6.79], // Hengelo
  [7600, 52.36, 6.66], // Almelo
  [7700, 52.57, 6.62], // Hardenberg, Ommen
  [7800, 52.78, 6.9], // Emmen
  [7900, 52.72, 6.48], // Hoogeveen
  [7940, 52.69, 6.19], // Meppel
  [8000, 52.512, 6.09], // Zwolle
  [8100, 52.39, 6.28], // Raalte, Hellendoorn
  [8200, 52.52, 5.47], // Lelystad
  [8260, 52.56, 5.91], // Kampen
  [8300, 52.71, 5.75], // Emmeloord
  [8330, 52.79, 6.11], // Steenwijk
  [8400, 52.96, 6.0], // Gorredijk, Oosterwolde
  [8440, 52.96, 5.92], // Heerenveen
  [8500, 52.97, 5.8], // Joure
  [8600, 53.03, 5.66], // Sneek
  [8700, 53.06, 5.53], // Bolsward
  [8800, 53.18, 5.42], // Franeker, Harlingen
  [8900, 53.201, 5.8], // Leeuwarden
  [9000, 53.1, 5.85], // Grou
  [9100, 53.33, 6.0], // Dokkum
  [9200, 53.11, 6.1], // Drachten
  [9300, 53.14, 6.43], // Roden, Leek
  [9400, 52.99, 6.56], // Assen
  [9500, 52.99, 6.95], // Stadskanaal
  [9600, 53.16, 6.76], // Hoogezand, Veendam
  [9700, 53.219, 6.568], // Groningen
  [9800, 53.25, 6.4], // Zuidhorn
  [9900, 53.32, 6.86], // Delfzijl, Appingedam
];

/** The approximate point of a PC4 area (see the precision note above), or null for a number outside 1000–9999. */
export function pc4Point(pc4: string): LatLon | null {
  const n = Number(pc4);
  if (!Number.isInteger(n) || n < 1000 || n > 9999) return null;
  let found = RANGES[0];
  for (const row of RANGES) {
    if (row[0] > n) break;
    found = row;
  }
  return { lat: found[1], lon: found[2] };
}

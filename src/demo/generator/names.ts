// Common Swedish names (SCB name statistics give the flavour; any list of common names would do).

export const GIVEN_NAMES_FEMALE = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Freja', 'Olivia', 'Selma', 'Alma', 'Ella', 'Ebba', 'Saga',
  'Agnes', 'Lilly', 'Vera', 'Clara', 'Stella', 'Signe', 'Ellen', 'Julia', 'Nora', 'Ester', 'Alva', 'Leah',
  'Sofia', 'Emma', 'Hanna', 'Ida', 'Linnea', 'Matilda', 'Elin', 'Moa', 'Tilda', 'Tyra', 'Greta', 'Molly',
  'Anna', 'Eva', 'Maria', 'Karin', 'Kristina', 'Lena', 'Sara', 'Johanna', 'Malin', 'Jenny', 'Emelie', 'Frida',
  'Cecilia', 'Helena', 'Camilla', 'Therese', 'Annika', 'Ulrika', 'Susanne', 'Åsa', 'Linda', 'Petra',
] as const;

export const GIVEN_NAMES_MALE = [
  'Noah', 'William', 'Hugo', 'Lucas', 'Liam', 'Oliver', 'Elias', 'Adam', 'Alexander', 'Nils', 'Vincent',
  'Theo', 'Leo', 'Arvid', 'Ludvig', 'Axel', 'Viktor', 'Oscar', 'Isak', 'Edvin', 'Charlie', 'Melvin', 'Sixten',
  'Gustav', 'Olle', 'Albin', 'Emil', 'Anton', 'Filip', 'Jonathan', 'Elton', 'Malte', 'Alfred', 'Vidar',
  'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Mikael', 'Daniel', 'Fredrik', 'Magnus', 'Andreas',
  'Mattias', 'Henrik', 'Jonas', 'Stefan', 'Peter', 'Martin', 'Niklas', 'Thomas', 'Björn', 'Jesper', 'Kristoffer',
] as const;

export const FAMILY_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Axelsson', 'Berg', 'Bergström', 'Lundberg',
  'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg',
  'Sjöberg', 'Wallin', 'Ali', 'Engström', 'Mohamed', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk',
  'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström',
  'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson',
  'Lundström', 'Ahmed', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Hassan', 'Berggren', 'Sandström',
  'Lund', 'Nordin', 'Ström', 'Åberg', 'Hermansson', 'Ekström', 'Holmgren', 'Sundberg', 'Hedlund', 'Dahlberg',
  'Hellström', 'Sjögren', 'Abrahamsson', 'Falk', 'Öberg', 'Andreasson', 'Blom', 'Ek', 'Månsson', 'Strand',
] as const;

export const STREET_NAMES = [
  'Storgatan', 'Kyrkogatan', 'Skolgatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Parkvägen',
  'Björkvägen', 'Ekvägen', 'Tallvägen', 'Granvägen', 'Lönnvägen', 'Sjövägen', 'Ängsvägen', 'Bäckvägen',
  'Solvägen', 'Vallgatan', 'Torggatan', 'Nygatan', 'Strandvägen', 'Lärkvägen', 'Trastvägen', 'Hagvägen',
  'Skogsvägen', 'Backvägen', 'Idrottsvägen', 'Västra vägen', 'Östra vägen', 'Rosenvägen', 'Syrénvägen',
] as const;

/** Strips accents and spaces so a name can be used in an e-mail address or a user name. */
export const asciiName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/å|ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z]/g, '');

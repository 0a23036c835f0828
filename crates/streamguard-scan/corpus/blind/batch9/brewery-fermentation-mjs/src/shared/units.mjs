// Brewing unit conversions used by the cellar API and the bridge.

export function platoToSg(plato) {
  return 1 + plato / (258.6 - (plato / 258.2) * 227.1);
}

export function sgToPlato(sg) {
  return -616.868 + 1111.14 * sg - 630.272 * sg ** 2 + 135.997 * sg ** 3;
}

// Apparent attenuation from original and current gravity (SG).
export function attenuation(og, sg) {
  if (og <= 1) return 0;
  return (og - sg) / (og - 1);
}

export function abv(og, fg) {
  return (76.08 * (og - fg)) / (1.775 - og) * (fg / 0.794);
}

export function fahrenheit(c) {
  return c * 1.8 + 32;
}

// Head pressure (bar) needed for a target CO2 volume at a temperature.
export function carbonationPressure(volumes, tempC) {
  const f = fahrenheit(tempC);
  const psi = -16.6999 - 0.0101059 * f + 0.00116512 * f * f + 0.173354 * f * volumes + 4.24267 * volumes - 0.0684226 * volumes * volumes;
  return psi * 0.0689476;
}

// Requests to the API that respect its limits: a 429 (this address has too many requests in
// progress at once) asks to wait Retry-After seconds; after a few tries the 429 is the answer.
export async function fetchPolitely(url, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, options);
    if (response.status !== 429 || attempt >= 3) return response;
    const seconds = Number(response.headers.get("Retry-After") || "1");
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

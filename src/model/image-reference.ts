/**
 * Docker image references checked as `github.com/distribution/reference.ParseNormalizedNamed`
 * checks them, with its messages: BuildKit fails with `failed to parse stage name "X": <this>`.
 */

const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domain = `${host}(?::[0-9]+)?`;
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const anchoredIdentifier = /^[a-f0-9]{64}$/;
const nameTotalLengthMax = 255;
const digestHexLength: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

function splitDockerDomain(ref: string): { domain: string; remainder: string } {
  const slash = ref.indexOf("/");
  let domainPart: string;
  let remainder: string;
  const first = slash < 0 ? "" : ref.slice(0, slash);
  if (slash < 0 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domainPart = "docker.io";
    remainder = ref;
  } else {
    domainPart = first;
    remainder = ref.slice(slash + 1);
  }
  if (domainPart === "index.docker.io") domainPart = "docker.io";
  if (domainPart === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  return { domain: domainPart, remainder };
}

function checkDigest(value: string): string | null {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon + 1 === value.length) return "invalid checksum digest format";
  const length = digestHexLength[value.slice(0, colon)];
  if (length === undefined) return "unsupported digest algorithm";
  const encoded = value.slice(colon + 1);
  if (encoded.length !== length) return "invalid checksum digest length";
  return /^[a-f0-9]+$/.test(encoded) ? null : "invalid checksum digest format";
}

/**
 * Null when `ref` is a valid image reference, else the reason it is not.
 *
 * @example
 * checkImageReference("golang:1.22-alpine") // null
 * checkImageReference("Builder")            // "invalid reference format: repository name (library/Builder) must be lowercase"
 */
export function checkImageReference(ref: string): string | null {
  if (anchoredIdentifier.test(ref)) return `invalid repository name (${ref}), cannot specify 64-byte hexadecimal strings`;
  const { domain: domainPart, remainder } = splitDockerDomain(ref);
  const colon = remainder.indexOf(":");
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  const full = `${domainPart}/${remainder}`;
  const match = referencePattern.exec(full);
  if (match === null) {
    if (full === "") return "repository name must have at least one component";
    if (referencePattern.test(full.toLowerCase())) return "repository name must be lowercase";
    return "invalid reference format";
  }
  const path = (match[1] ?? "").slice(domainPart.length + 1);
  if (path.length > nameTotalLengthMax) return `repository name must not be more than ${nameTotalLengthMax} characters`;
  const digestPart = match[3];
  return digestPart === undefined ? null : checkDigest(digestPart);
}

/**
 * SMPP 3.4 §4 maximum C-Octet String sizes, in octets *including* the NUL terminator.
 * The decoder refuses longer strings; the encoder refuses to write them.
 */
export const SmppFieldLimits = {
  systemId: 16,
  password: 9,
  systemType: 13,
  addressRange: 41,
  serviceType: 6,
  address: 21,
  time: 17,
  messageId: 65,
} as const;

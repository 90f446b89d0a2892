// Integration and end-to-end specs talk to real brokers and servers: allow them time.
jest.setTimeout(120000);

import { readTracingEnv } from '../../src/config/env';

describe('tracing from the standard OTEL_* variables', () => {
  it('exports nothing without an endpoint', () => {
    expect(readTracingEnv({})).toEqual({ endpoint: undefined, headers: {}, serviceName: undefined, disabled: false });
  });

  it('appends /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT and takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is', () => {
    expect(readTracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).endpoint).toBe('http://collector:4318/v1/traces');
    expect(
      readTracingEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp',
      }).endpoint,
    ).toBe('https://traces.example/otlp');
  });

  it('reads headers, service name and OTEL_SDK_DISABLED', () => {
    const env = readTracingEnv({
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%3D%3D, tenant = kommun',
      OTEL_SERVICE_NAME: 'gateway-eu-1',
      OTEL_SDK_DISABLED: 'TRUE',
    });
    expect(env).toEqual({
      endpoint: undefined,
      headers: { 'x-api-key': 'abc==', tenant: 'kommun' },
      serviceName: 'gateway-eu-1',
      disabled: true,
    });
    expect(readTracingEnv({ OTEL_EXPORTER_OTLP_HEADERS: 'a=1', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2' }).headers).toEqual({ b: '2' });
  });

  it('refuses a value it cannot use, naming the variable', () => {
    expect(() => readTracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
    expect(() => readTracingEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
    expect(() => readTracingEnv({ OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' })).toThrow(
      /OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs/,
    );
  });
});

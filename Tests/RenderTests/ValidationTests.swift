import MonitoringDSL
import MonitoringRender
import Testing

/// One test per kind of bad input: each asserts the exact diagnostic with its path.
@Suite struct ValidationTests {
  @Test func duplicateDashboardUIDs() {
    let problems = diagnostics(Catalog {
      Datasource.prometheus(name: "P", uid: "prom", url: "http://p:9090", scrapeInterval: "15s")
      Dashboard("One", uid: "same") {}
      Dashboard("Two", uid: "same") {}
    })
    #expect(problems == [#"dashboard "One": uid "same" is used by more than one dashboard"#])
  }

  @Test func emptyTitles() {
    let problems = diagnostics(catalog(Dashboard(" ", uid: "x") {
      Row("") { TimeSeries("") { Query("up") } }
    }.datasource(.prometheus("prom"))))
    #expect(problems == [
      #"dashboard " ": title is empty"#,
      #"dashboard " " › row "": title is empty"#,
      #"dashboard " " › row "" › panel "": title is empty"#,
    ])
  }

  @Test func unknownDatasourceInQueryPanelAndVariable() {
    let problems = diagnostics(catalog(
      Dashboard("D", uid: "d") {
        Row("R") {
          TimeSeries("P") {
            Query("up")
            Query("up").datasource(.prometheus("nope"))
          }
        }
        Stat("S") { Query("up") }.datasource(.variable("ds"))
      }
      .datasource(.prometheus("prom"))
      .variables { Variable.query("job", "label_values(job)", datasource: .prometheus("gone")) }))
    #expect(problems == [
      #"dashboard "D" › variable "job": unknown datasource uid "gone" (provisioned: prom)"#,
      #"dashboard "D" › row "R" › panel "P" › query B: unknown datasource uid "nope" (provisioned: prom)"#,
      #"dashboard "D" › panel "S": datasource variable "$ds" is not a datasource variable of the dashboard"#,
    ])
  }

  @Test func queryWithoutAnyDatasource() {
    let problems = diagnostics(catalog(Dashboard("D", uid: "d") { TimeSeries("P") { Query("up") } }))
    #expect(problems == [#"dashboard "D" › panel "P" › query A: has no datasource: set one on the query, the panel or the dashboard"#])
  }

  @Test func thresholdsNotAscending() {
    let problems = diagnostics(catalog(dashboard {
      Gauge("G") { Query("up") }.thresholds { Step(.green); Step(.red, from: 50); Step(.yellow, from: 10) }
      Gauge("H") { Query("up") }.thresholds { Step(.green, from: 1); Step(.red, from: 2) }
    }))
    #expect(problems == [
      #"dashboard "Test" › panel "G": thresholds are not ascending: 10 follows 50"#,
      #"dashboard "Test" › panel "H": the first threshold step is the base and takes no value"#,
    ])
  }

  @Test func panelWiderThanTheGrid() {
    let problems = diagnostics(catalog(dashboard { TimeSeries("Wide") { Query("up") }.size(width: 30) }))
    #expect(problems == [#"dashboard "Test" › panel "Wide": size 30×8 does not fit the grid (width 1…24, height ≥ 1)"#])
  }

  @Test func overlappingPanels() {
    let problems = diagnostics(catalog(dashboard {
      TimeSeries("A") { Query("up") }.position(x: 0, y: 0)
      TimeSeries("B") { Query("up") }.position(x: 4, y: 4)
    }))
    #expect(problems == [#"dashboard "Test" › panel "B": overlaps panel "A" at x=4, y=4"#])
  }

  @Test func malformedDurations() {
    let problems = diagnostics(catalog(dashboard {
      TimeSeries("P") { Query("up").interval("5 minutes") }.minInterval("1x")
    }.refresh("often")))
    #expect(problems == [
      #"dashboard "Test": refresh "often" is not a duration (like 30s, 5m, 1h30m)"#,
      #"dashboard "Test" › panel "P": min interval "1x" is not a duration (like 30s, 5m, 1h30m)"#,
      #"dashboard "Test" › panel "P" › query A: interval "5 minutes" is not a duration (like 30s, 5m, 1h30m)"#,
    ])
  }

  @Test func duplicateRefIDs() {
    let problems = diagnostics(catalog(dashboard {
      TimeSeries("P") { Query("a").refID("X"); Query("b").refID("X") }
    }))
    #expect(problems == [#"dashboard "Test" › panel "P" › query X: refId X is used by 2 queries"#])
  }

  @Test func modifierOnTheWrongPanelKind() {
    let problems = diagnostics(catalog(dashboard {
      Stat("S") { Query("up") }.fillOpacity(10).legend(.hidden)
      TimeSeries("T") { Query("up") }.reduce(.max)
    }))
    #expect(problems == [
      #"dashboard "Test" › panel "S": fillOpacity does not apply to a stat panel"#,
      #"dashboard "Test" › panel "S": legend does not apply to a stat panel"#,
      #"dashboard "Test" › panel "T": reduce does not apply to a timeseries panel"#,
    ])
  }

  @Test func variablesAndRepeats() {
    let problems = diagnostics(catalog(dashboard {
      TimeSeries("P") { Query("up") }.repeatBy("missing")
    }.variables {
      Variable.custom("env", [])
      Variable.custom("env", ["a"])
      Variable.interval("bad-name", ["1q"])
    }))
    #expect(problems == [
      #"dashboard "Test" › variable "env": variable name is used more than once"#,
      #"dashboard "Test" › variable "env": has no values"#,
      #"dashboard "Test" › variable "bad-name": name must be letters, digits and '_'"#,
      #"dashboard "Test" › variable "bad-name": interval "1q" is not a duration (like 30s, 5m, 1h30m)"#,
      #"dashboard "Test" › panel "P": repeats by unknown variable "missing""#,
    ])
  }

  @Test func malformedScrapeTargetsAndDuplicateJobs() {
    let problems = diagnostics(Catalog {
      PrometheusConfig("prometheus.yml") {
        ScrapeJob("app", targets: ["http://app:80", "app", "app:99999", "app:80/metrics", "app:8080"])
        ScrapeJob("app", targets: ["other:80"])
      }
    })
    #expect(problems == [
      #"prometheus "prometheus.yml" › job "app": target "http://app:80" has a scheme; set it with .scheme(…) instead"#,
      #"prometheus "prometheus.yml" › job "app": target "app" has no port (host:port)"#,
      #"prometheus "prometheus.yml" › job "app": target "app:99999" port "99999" is not 1…65535"#,
      #"prometheus "prometheus.yml" › job "app": target "app:80/metrics" has a path; set it with .metricsPath(…) instead"#,
      #"prometheus "prometheus.yml" › job "app": job name is used more than once"#,
    ])
  }

  @Test func prometheusDurationsTimeoutsLabelsAndRelabeling() {
    let problems = diagnostics(Catalog {
      PrometheusConfig("prometheus.yml") {
        ScrapeJob("app", targets: ["app:80"]).interval("5s").timeout("10s").labels(["bad-label": "x"])
          .relabel { RelabelRule(.replace, sourceLabels: ["a"]) }
      }
      .global(scrapeInterval: "15 s", evaluationInterval: "1m")
    })
    #expect(problems == [
      #"prometheus "prometheus.yml": scrape_interval "15 s" is not a duration (like 30s, 5m, 1h30m)"#,
      #"prometheus "prometheus.yml" › job "app": label name "bad-label" is not a valid label name (and must not start with __)"#,
      #"prometheus "prometheus.yml" › job "app": scrape timeout 10s is longer than the scrape interval 5s"#,
      #"prometheus "prometheus.yml" › job "app" › relabel rule 1: action replace needs a target label"#,
    ])
  }

  @Test func scrapeKeysNewerThanTheTargetVersion() {
    let job = ScrapeJob("app", targets: ["app:80"]).keepDroppedTargets(10).fallbackScrapeProtocol("PrometheusText0.0.4")
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { job } }) == [
      #"prometheus "p.yml" › job "app": keep_dropped_targets needs Prometheus 2.47 or later; the target is 2.42 (set .target(…) on the config)"#,
      #"prometheus "p.yml" › job "app": fallback_scrape_protocol needs Prometheus 3.0 or later; the target is 2.42 (set .target(…) on the config)"#,
    ])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { job }.target(.v3_0) }).isEmpty)
  }

  @Test func datasourcePasswordMustComeFromTheEnvironment() {
    let problems = diagnostics(Catalog {
      Datasource.prometheus(name: "P", uid: "p", url: "http://p:9090", scrapeInterval: "15s").basicAuth(user: "u", passwordVariable: "s3cret!")
    })
    #expect(problems == [#"datasource "P": password variable "s3cret!" must be an environment variable name (A-Z, 0-9, _)"#])
  }

  @Test func datasourceAndProviderProblems() {
    let problems = diagnostics(Catalog {
      Datasource.prometheus(name: "P", uid: "same", url: "http://p:9090", scrapeInterval: "15s", isDefault: true)
      Datasource.prometheus(name: "Q", uid: "same", url: "http://q:9090", scrapeInterval: "15s", isDefault: true)
      DashboardProvider("p", folder: "F", path: "relative/path")
    })
    #expect(problems == [
      #"datasource "same": uid "same" is used by more than one datasource"#,
      "more than one datasource is marked default",
      #"dashboard provider "p": path "relative/path" must be absolute (inside Grafana's container)"#,
    ])
  }

  @Test func reportsEveryProblemAtOnce() {
    let problems = diagnostics(Catalog {
      Dashboard("", uid: "bad uid") { TimeSeries("P") { Query("") }.size(width: 40) }
      PrometheusConfig("p.yml") { ScrapeJob("j", targets: []) }
    })
    #expect(problems == [
      #"dashboard "": title is empty"#,
      #"dashboard "": uid "bad uid" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'"#,
      #"dashboard "" › panel "P" › query A: expression is empty"#,
      #"dashboard "" › panel "P" › query A: has no datasource: set one on the query, the panel or the dashboard"#,
      #"prometheus "p.yml" › job "j": has no targets: give it static targets or service discovery (.discover { … })"#,
      #"dashboard "" › panel "P": size 40×8 does not fit the grid (width 1…24, height ≥ 1)"#,
    ])
  }
}

@Suite struct ComposeValidationTests {
  @Test func servicesDependenciesAndPorts() {
    let problems = diagnostics(Catalog {
      ComposeFile("c.yml", project: "p") {
        ComposeService("web", image: "nginx").dependsOn("db").dependsOn("cache").ports(["8080:"])
        ComposeService("cache", image: "redis")
        ComposeService("cache", image: "")
      }
    })
    #expect(problems == [
      #"compose "c.yml" › service "web": depends on "db", which is not a service of this file"#,
      #"compose "c.yml" › service "web": waits for "cache" to be healthy, but it has no health check"#,
      #"compose "c.yml" › service "web": port mapping "8080:" is not HOST:CONTAINER"#,
      #"compose "c.yml" › service "cache": service name is used more than once"#,
      #"compose "c.yml" › service "cache": has no image"#,
    ])
  }

  @Test func rendersNamedVolumesOnce() {
    let file = ComposeFile("c.yml", project: "p") {
      ComposeService("a", image: "x").volume(named: "data", at: "/a")
      ComposeService("b", image: "y").volume(named: "data", at: "/b", readOnly: true).bind("./conf", at: "/etc/b")
    }
    #expect(YAMLTree.document(ComposeLowering.file(file)) == """
      name: p
      services:
        a:
          image: x
          volumes:
          - data:/a
          restart: unless-stopped
        b:
          image: y
          volumes:
          - data:/b:ro
          - ./conf:/etc/b:ro
          restart: unless-stopped
      volumes:
        data:
          driver: local

      """)
  }
}

@Suite struct MetricCatalogueValidationTests {
  @Test func catalogueEntries() {
    let problems = diagnostics(Catalog {
      [
        Metric.Counter("requests", help: "r").definition, Metric.Gauge("g", help: "").definition,
        Metric.Histogram("h_seconds", help: "h", buckets: [1, 1]).definition, Metric.Gauge("g", help: "again").definition,
      ]
    })
    #expect(problems == [
      #"metric g: is declared more than once"#,
      #"metric requests: counter names end in _total"#,
      #"metric g: has no help text"#,
      #"metric h_seconds: histogram buckets must be ascending and not empty"#,
    ])
  }
}

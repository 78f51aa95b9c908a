package dev.ferry.export;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export benchmark's records, Kissmetrics-style: 88 % events (ten names; url, campaign and
 * amount), 10 % properties-only records (plan, company size) and 2 % aliases; 200,000 people; event
 * times 3 ms apart. About 150 bytes a line in a revision file.
 */
final class ExportBenchmarkData {
  static final int BATCH = 100_000;
  private static final Instant FIRST = Instant.parse("2026-03-02T08:00:00Z");
  private static final String[] NAMES = {
    "Visited Site", "Viewed Product", "Added to Cart", "Removed from Cart", "Started Checkout",
    "Purchased", "Signed Up", "Logged In", "Searched", "Clicked Banner"
  };

  private ExportBenchmarkData() {}

  /**
   * Appends {@code count} records in batches of {@link #BATCH} through the store's bulk path,
   * advancing {@code clock} by {@code step} after each batch; returns the seconds it took.
   */
  static double append(RecordStore store, MutableClock clock, long count, Duration step) {
    long start = System.nanoTime();
    Source source = Source.api("bench");
    for (long first = 0; first < count; first += BATCH) {
      long end = Math.min(count, first + BATCH);
      List<Record> batch = new ArrayList<>((int) (end - first));
      for (long i = first; i < end; i++) {
        batch.add(record(i));
      }
      store.append(batch, source);
      clock.advance(step);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Appends {@code count} events only (ten names, unevenly common: the first name about 20 % of the
   * events, the last about 2 %), their times spread evenly over {@code days} UTC days from {@link
   * #FIRST}, in batches of {@link #BATCH} through the store's bulk path, all received now; returns
   * the seconds it took. Properties: url, referrer, campaign, amount, currency, device, and for
   * every third event a search term with a quote and a non-ASCII letter.
   */
  static double appendEvents(RecordStore store, long count, int days) {
    long start = System.nanoTime();
    Source source = Source.api("bench");
    double spacing = days * 86_400_000.0 / count;
    for (long first = 0; first < count; first += BATCH) {
      long end = Math.min(count, first + BATCH);
      List<Record> batch = new ArrayList<>((int) (end - first));
      for (long i = first; i < end; i++) {
        batch.add(event(i, FIRST.plusMillis((long) (i * spacing))));
      }
      store.append(batch, source);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Weights of the ten names, in tenths of a percent of the events. */
  private static final int[] WEIGHTS = {200, 160, 130, 110, 100, 90, 80, 60, 50, 20};

  static Event event(long i, Instant at) {
    String person = "user" + (i * 7919 % 200_000) + "@example.com";
    int pick = (int) (i * 104_729 % 1000);
    int name = 0;
    for (int bound = WEIGHTS[0]; pick >= bound; bound += WEIGHTS[++name]) {}
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("url", "https://shop.example.com/products/" + (i % 5000) + "?ref=" + (i % 97));
    properties.put("referrer", i % 3 == 0 ? "https://www.google.com/" : "direct");
    properties.put("campaign", "spring-sale-" + (i % 40));
    properties.put("amount", (i % 500) + "." + (10 + i % 90));
    properties.put("currency", i % 5 == 0 ? "EUR" : "USD");
    properties.put("device", i % 2 == 0 ? "iPhone 15" : "Chrome 131 / Windows");
    if (i % 3 == 1) {
      properties.put("search", "caf" + (char) 0xE9 + " \"deluxe\" " + (i % 300));
    }
    return new Event(person, at, NAMES[name], properties);
  }

  static Record record(long i) {
    String person = "user" + (i * 7919 % 200_000) + "@example.com";
    Instant at = FIRST.plusMillis(3 * i);
    if (i % 50 == 49) {
      return new Alias(person, "customer-" + (i * 7919 % 200_000), at);
    }
    if (i % 10 == 9) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("plan", "plan-" + (i % 4));
      properties.put("company size", Long.toString(10 + i % 990));
      return new SetProperties(person, at, properties);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("url", "https://shop.example.com/products/" + (i % 5000) + "?ref=" + (i % 97));
    properties.put("campaign", "spring-sale-" + (i % 40));
    properties.put("amount", (i % 500) + "." + (10 + i % 90));
    return new Event(person, at, NAMES[(int) (i % NAMES.length)], properties);
  }
}

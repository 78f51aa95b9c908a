package dev.ferry.app;

/** Ferry's entry point: parses the command line and runs the chosen command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("ferry");
  }
}

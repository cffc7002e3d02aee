package io.cedarwood.cli;

public final class CedarCli {
    public static void main(String[] args) {
    }
}

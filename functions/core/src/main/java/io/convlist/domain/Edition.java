package io.convlist.domain;

public enum Edition {
    STANDARD, FLAGSHIP
}

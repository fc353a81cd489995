package org.openebr.sim;

/** The simulator could not start or do what it was asked (port taken, PKI directory unusable, ...). */
public class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}

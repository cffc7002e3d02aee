package io.cedarwood.sample.tinytodo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * TinyTodo, Cedar's example application, on Spring Boot: people share task lists with teams, and Cedar
 * decides who may do what. See the module's README.
 */
@SpringBootApplication
public class TinyTodoApplication {

    public static void main(String[] args) {
        SpringApplication.run(TinyTodoApplication.class, args);
    }
}

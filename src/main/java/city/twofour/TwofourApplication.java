package city.twofour;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TwofourApplication {
}

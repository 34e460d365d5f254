/**
 * The standard address (标准地址): reading free-text addresses as departments write them and
 * matching them to the standard address library.
 * <ul>
 * <li>{@link city.twofour.address.AddressNormalizer} and {@link city.twofour.address.AddressParser}
 * turn text into {@link city.twofour.address.ParsedAddress} components, with towns and villages
 * resolved by {@link city.twofour.address.DivisionAliases};</li>
 * <li>{@link city.twofour.address.AddressIndex} holds the library in memory and
 * {@link city.twofour.address.AddressMatcher} finds the most specific standard address the text
 * supports, as an {@link city.twofour.address.AddressMatch} with its level, confidence and
 * explanation;</li>
 * <li>{@link city.twofour.address.AddressCommand} is the {@code address parse|match} command.</li>
 * </ul>
 * Plain Java: no Spring, no database.
 */
package city.twofour.address;
